// `crossline audit verify`: exit 0 on an intact chain, 1 naming the first bad entry otherwise.
import type { Command } from 'commander';
import { verifyAuditChain } from '../../audit/verify-audit.js';
import { openNodeContext } from '../../node.js';
import { configFrom, withNodeOptions, type NodeOptions } from '../options.js';

export function registerAuditVerify(program: Command, setExit: (code: number) => void): void {
  const audit = program.command('audit').description('audit log tools');
  withNodeOptions(audit.command('verify').description('verify the hash chain of the audit log'))
    .option('--json', 'print the result as JSON')
    .action(async (opts: NodeOptions & { json?: boolean }) => {
      const ctx = await openNodeContext(configFrom(opts, { logLevel: 'warn' }));
      try {
        const result = await verifyAuditChain(ctx.db);
        if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
        else if (result.ok) {
          const c = result.checkpoints;
          process.stdout.write(`audit log intact: ${result.entries} entries, head ${result.headHash}\n`);
          process.stdout.write(
            `countersigned checkpoints: ${c.verified} verified${c.unverifiable ? `, ${c.unverifiable} unverifiable (peer removed)` : ''}\n`,
          );
        } else
          process.stdout.write(
            `audit log BROKEN at entry ${result.firstBadSeq} (${result.reason}): ${result.detail}\n`,
          );
        setExit(result.ok ? 0 : 1);
      } finally {
        await ctx.db.close();
      }
    });
}
