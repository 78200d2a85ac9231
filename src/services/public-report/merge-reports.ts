// Use case: mark reports as duplicates of an original. Both stay; the duplicate points at the
// original, and its reporter is told it is being reviewed.
import { markDuplicate, type PublicReportRecord } from '../../domain/public-report/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import { findReportsByIds } from '../../storage/repositories/public-report.repository.js';
import type { ServiceContext } from '../context.js';
import { saveReportChange } from './report-support.js';

export async function mergeReports(
  ctx: ServiceContext,
  actor: UserActor,
  originalId: string,
  duplicateIds: readonly string[],
): Promise<PublicReportRecord[]> {
  const now = ctx.clock();
  const ids = [...new Set(duplicateIds)];
  return ctx.db.transaction(async (tx) => {
    // All rows locked in one statement, in id order, so two merges cannot deadlock or interleave.
    const locked = await findReportsByIds(tx, [originalId, ...ids], true);
    const original = locked.find((s) => s.record.id === originalId);
    if (!original) throw new AppError('PUBLIC_REPORT_NOT_FOUND', { details: { id: originalId } });
    const out: PublicReportRecord[] = [];
    for (const id of ids) {
      const stored = locked.find((s) => s.record.id === id);
      if (!stored) throw new AppError('PUBLIC_REPORT_NOT_FOUND', { details: { id } });
      const { record, events } = markDuplicate(stored.record, original.record, actor.name, now);
      await saveReportChange(tx, actor, stored, record, events, now);
      out.push(record);
    }
    return out;
  });
}
