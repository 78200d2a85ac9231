// `crossline demo` (what `npm start` runs): the demo federation on the embedded database.
import type { Command } from 'commander';
import { DEMO_PASSWORD, DEMO_USERS } from '../../demo/demo-parties.js';
import { startDemoFederation } from '../../demo/start-demo-federation.js';
import { untilSignal } from '../signals.js';

type DemoCliOptions = { dataDir: string; basePort: string; host: string; parties: string };

export function registerDemo(program: Command, setExit: (code: number) => void): void {
  program
    .command('demo')
    .description('run the demo federation (a Chinese and a US demo agency) on the embedded database')
    .option('--data-dir <dir>', 'where the demo keeps its data (kept across restarts)', './data/demo')
    .option('--base-port <n>', 'port of the first node; the next nodes take the following ports', '7400')
    .option('--host <addr>', 'listen address', '127.0.0.1')
    .option('--parties <n>', 'number of agencies (2 or 3)', '2')
    .action(async (opts: DemoCliOptions) => {
      const parties = Number(opts.parties);
      if (![2, 3].includes(parties)) throw new Error('--parties must be 2 or 3');
      process.stdout.write('Starting the Crossline demo federation …\n');
      const { nodes, seeded, mail } = await startDemoFederation({
        dataDir: opts.dataDir,
        basePort: Number(opts.basePort),
        host: opts.host,
        parties,
      });
      for (const { party, node } of nodes) {
        process.stdout.write(
          `\n${party.name.en} / ${party.name.zh}\n  ${node.url}   (API docs: ${node.url}/api/docs)\n`,
        );
      }
      process.stdout.write(
        `\n${seeded ? 'Demo data created' : 'Demo data kept from the last run'} in ${opts.dataDir}.\n`,
      );
      process.stdout.write(`Log in on any node with the password "${DEMO_PASSWORD}" as:\n`);
      for (const u of DEMO_USERS) process.stdout.write(`  ${u.username.padEnd(13)} ${u.roles.join(', ')}\n`);
      process.stdout.write(
        `\nPages by e-mail (to <user>@<node-id>.demo) go to the local mail catcher at smtp://${mail.host}:${mail.port}\n`,
      );
      process.stdout.write(`and are saved as .eml files in ${mail.dir} (open them with any mail program).\n`);
      process.stdout.write('\nPress Ctrl+C to stop.\n');
      await untilSignal();
      for (const { node } of nodes) await node.stop();
      await mail.close();
      setExit(0);
    });
}
