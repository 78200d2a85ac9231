// Options shared by the node commands, with their environment variable fallbacks.
import type { Command } from 'commander';
import { loadConfig, type Config, type ConfigInput } from '../config.js';

export type NodeOptions = { dataDir?: string; port?: string; host?: string; databaseUrl?: string; nodeId?: string };

export function withNodeOptions(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'data directory (env CROSSLINE_DATA_DIR)')
    .option('--port <n>', 'HTTP port (env CROSSLINE_PORT)')
    .option('--host <addr>', 'listen address (env CROSSLINE_HOST)')
    .option('--database-url <url>', 'PostgreSQL URL instead of the embedded database (env DATABASE_URL)')
    .option('--node-id <id>', 'node id, e.g. cn-mps (env CROSSLINE_NODE_ID)');
}

export function configFrom(opts: NodeOptions, extra: Partial<ConfigInput> = {}): Config {
  return loadConfig({
    dataDir: opts.dataDir, port: opts.port, host: opts.host, databaseUrl: opts.databaseUrl, nodeId: opts.nodeId, ...extra,
  });
}
