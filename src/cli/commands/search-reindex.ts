// `crossline search reindex`: rebuilds the full-text index from the stores (articles, cases,
// requests, public reports), printing progress per kind.
import type { Command } from 'commander';
import { openNodeContext } from '../../node.js';
import { reindexSearch } from '../../services/search/reindex-search.js';
import { configFrom, withNodeOptions, type NodeOptions } from '../options.js';

export function registerSearch(program: Command, setExit: (code: number) => void): void {
  const search = program.command('search').description('full-text search index tools');
  withNodeOptions(search.command('reindex').description('rebuild the search index from the stored records'))
    .option('--json', 'print the counts as JSON')
    .action(async (opts: NodeOptions & { json?: boolean }) => {
      const ctx = await openNodeContext(configFrom(opts, { logLevel: 'warn' }));
      try {
        const started = Date.now();
        const counts = await reindexSearch(ctx, (kind, done) => {
          if (!opts.json && process.stderr.isTTY) process.stderr.write(`\r${kind}: ${done} indexed`);
        });
        if (!opts.json && process.stderr.isTTY) process.stderr.write('\n');
        const seconds = (Date.now() - started) / 1000;
        if (opts.json) process.stdout.write(`${JSON.stringify({ ...counts, seconds })}\n`);
        else
          process.stdout.write(
            `search index rebuilt: ${counts.article} articles, ${counts.case} cases, ${counts.request} requests, ${counts.report} public reports in ${seconds.toFixed(1)} s\n`,
          );
        setExit(0);
      } finally {
        await ctx.db.close();
      }
    });
}
