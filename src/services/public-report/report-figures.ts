// Node-wide figures of public reporting for /metrics, read from the database when scraped so every
// API process reports the same numbers.
import type { ReportStatus } from '../../domain/public-report/index.js';
import { countDiscardedSpam, countReportsByStatus } from '../../storage/repositories/public-report.repository.js';
import type { ServiceContext } from '../context.js';

/** Submissions the honeypot discarded (node total). */
export async function discardedSpamCount(ctx: ServiceContext): Promise<number> {
  return countDiscardedSpam(ctx.db);
}

export async function reportCountsByStatus(ctx: ServiceContext): Promise<{ status: ReportStatus; count: number }[]> {
  return countReportsByStatus(ctx.db);
}
