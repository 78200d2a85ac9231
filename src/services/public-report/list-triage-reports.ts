// Use case: the triage queue — reports filtered by status, category, date and correlation, newest first.
import {
  countDiscardedSpam,
  listAttachments,
  listIndicators,
  listReports,
  type ReportFilter,
  type StoredReport,
} from '../../storage/repositories/public-report.repository.js';
import type { ServiceContext } from '../context.js';

export type QueueItem = StoredReport & { attachmentCount: number; indicatorCount: number };
export type TriageQueue = { items: QueueItem[]; total: number; spamDiscarded: number };

/** The route requires `triage:read`; the CLI runs as the node operator, with access to the data directory. */
export async function listTriageReports(ctx: ServiceContext, filter: ReportFilter): Promise<TriageQueue> {
  const page = await listReports(ctx.db, {
    ...filter,
    limit: Math.trunc(filter.limit),
    offset: Math.trunc(filter.offset),
  });
  const ids = page.items.map((s) => s.record.id);
  const [attachments, indicators] = ids.length
    ? await Promise.all([listAttachments(ctx.db, ids), listIndicators(ctx.db, ids)])
    : [[], []];
  const count = (rows: { reportId: string }[], id: string) => rows.filter((r) => r.reportId === id).length;
  return {
    items: page.items.map((s) => ({
      ...s,
      attachmentCount: count(attachments, s.record.id),
      indicatorCount: count(indicators, s.record.id),
    })),
    total: page.total,
    spamDiscarded: await countDiscardedSpam(ctx.db),
  };
}
