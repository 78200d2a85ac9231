// `crossline demo` (what `npm start` runs): demo node(s) on the embedded database with seeded data.
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { DEMO_PARTIES, DEMO_PASSWORD, DEMO_USERS } from '../../demo/demo-parties.js';
import { seedDemoNode } from '../../demo/seed-demo.js';
import { startNode, type RunningNode } from '../../node.js';
import { untilSignal } from '../signals.js';

type DemoOptions = { dataDir: string; basePort: string; host: string };

export function registerDemo(program: Command, setExit: (code: number) => void): void {
  program.command('demo').description('run the demo on the embedded database')
    .option('--data-dir <dir>', 'where the demo keeps its data', './data/demo')
    .option('--base-port <n>', 'port of the first node', '7400')
    .option('--host <addr>', 'listen address', '127.0.0.1')
    .action(async (opts: DemoOptions) => {
      const nodes: RunningNode[] = [];
      const parties = DEMO_PARTIES.slice(0, 1);
      for (const [i, party] of parties.entries()) {
        const config = loadConfig({
          dataDir: path.join(opts.dataDir, party.nodeId), port: Number(opts.basePort) + i, host: opts.host,
          nodeId: party.nodeId, nodeName: party.name, country: party.country,
          approvalRequiredForOutgoingData: party.approvalRequiredForOutgoingData, logLevel: 'warn',
        }, {});
        const node = await startNode(config);
        const seeded = await seedDemoNode(node.ctx, party, DEMO_PARTIES[1]!.nodeId);
        nodes.push(node);
        process.stdout.write(`\n${party.name.en} / ${party.name.zh}\n  ${node.url}  (API docs: ${node.url}/api/docs)${seeded ? '  [demo data created]' : ''}\n`);
      }
      process.stdout.write(`\nDemo log-ins (every node), password "${DEMO_PASSWORD}":\n`);
      for (const u of DEMO_USERS) process.stdout.write(`  ${u.username.padEnd(13)} ${u.roles.join(', ')}\n`);
      process.stdout.write('\nPress Ctrl+C to stop.\n');
      await untilSignal();
      for (const node of nodes) await node.stop();
      setExit(0);
    });
}
