// `crossline triage list`: the queue of reports from the public, for operators without the web UI
// (and for scripts with --json). Nothing is changed; the narrative is shown as a short excerpt.
import type { Command } from 'commander';
import {
  REPORT_CATEGORIES,
  REPORT_STATUSES,
  type ReportCategory,
  type ReportStatus,
} from '../../domain/public-report/index.js';
import { AppError } from '../../errors.js';
import { openNodeContext } from '../../node.js';
import { listTriageReports } from '../../services/public-report/list-triage-reports.js';
import { configFrom, withNodeOptions, type NodeOptions } from '../options.js';

type ListOptions = NodeOptions & { status?: string; category?: string; limit: string; json?: boolean };

function pick<T extends string>(raw: string | undefined, allowed: readonly T[], what: string): T[] | undefined {
  if (!raw) return undefined;
  const values = raw.split(',');
  const bad = values.filter((v) => !allowed.includes(v as T));
  if (bad.length) throw new AppError('INVALID_INPUT', { details: { [what]: bad, allowed } });
  return values as T[];
}

export function registerTriage(program: Command, setExit: (code: number) => void): void {
  const triage = program.command('triage').description('reports from the public (docs/spec.md §6)');
  withNodeOptions(triage.command('list').description('list the triage queue, newest first'))
    .option('--status <list>', `comma-separated: ${REPORT_STATUSES.join(', ')}`)
    .option('--category <list>', `comma-separated: ${REPORT_CATEGORIES.join(', ')}`)
    .option('--limit <n>', 'at most this many reports', '50')
    .option('--json', 'print the queue as JSON lines')
    .action(async (opts: ListOptions) => {
      const statuses = pick<ReportStatus>(opts.status, REPORT_STATUSES, 'status');
      const categories = pick<ReportCategory>(opts.category, REPORT_CATEGORIES, 'category');
      const limit = Math.min(500, Math.max(1, Number.parseInt(opts.limit, 10) || 50));
      const ctx = await openNodeContext(configFrom(opts, { logLevel: 'warn' }));
      try {
        const queue = await listTriageReports(ctx, { statuses, categories, limit, offset: 0 });
        for (const item of queue.items) {
          const r = item.record;
          const row = {
            receipt: r.receipt,
            status: r.status,
            category: r.category,
            submittedAt: r.submittedAt,
            indicators: item.indicatorCount,
            attachments: item.attachmentCount,
            correlated: item.hasCorrelation,
            excerpt: r.narrative.replace(/\s+/g, ' ').slice(0, 60),
          };
          process.stdout.write(
            opts.json
              ? `${JSON.stringify(row)}\n`
              : `${row.receipt}  ${row.status.padEnd(12)} ${row.category.padEnd(15)} ${row.submittedAt}  ${row.indicators} ind. ${row.correlated ? 'correlated ' : ''} ${row.excerpt}\n`,
          );
        }
        if (!opts.json)
          process.stdout.write(
            `${queue.items.length} of ${queue.total} reports; ${queue.spamDiscarded} automated submissions discarded\n`,
          );
        setExit(0);
      } finally {
        await ctx.db.close();
      }
    });
}
