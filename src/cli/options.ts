// Options shared by the node commands, with their environment variable fallbacks.
import type { Command } from 'commander';
import { loadConfig, type Config, type ConfigInput } from '../config.js';

export type NodeOptions = {
  dataDir?: string;
  port?: string;
  host?: string;
  databaseUrl?: string;
  nodeId?: string;
  tlsCert?: string;
  tlsKey?: string;
  trustProxy?: string;
};

export function withNodeOptions(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'data directory (env CROSSLINE_DATA_DIR)')
    .option('--port <n>', 'HTTP port (env CROSSLINE_PORT)')
    .option('--host <addr>', 'listen address (env CROSSLINE_HOST)')
    .option('--database-url <url>', 'PostgreSQL URL instead of the embedded database (env DATABASE_URL)')
    .option('--node-id <id>', 'node id, e.g. cn-mps (env CROSSLINE_NODE_ID)')
    .option('--tls-cert <file>', 'PEM certificate: serve HTTPS, with --tls-key (env CROSSLINE_TLS_CERT)')
    .option('--tls-key <file>', 'PEM private key for --tls-cert (env CROSSLINE_TLS_KEY)')
    .option(
      '--trust-proxy <list>',
      'reverse proxies whose X-Forwarded-* headers count: IPs or CIDR ranges, comma-separated (env CROSSLINE_TRUST_PROXY)',
    );
}

export function configFrom(opts: NodeOptions, extra: Partial<ConfigInput> = {}): Config {
  return loadConfig({
    dataDir: opts.dataDir,
    port: opts.port,
    host: opts.host,
    databaseUrl: opts.databaseUrl,
    nodeId: opts.nodeId,
    tlsCertFile: opts.tlsCert,
    tlsKeyFile: opts.tlsKey,
    trustProxy: opts.trustProxy,
    ...extra,
  });
}
