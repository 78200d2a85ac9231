// Use case: triage moves a report (start review, close, reopen), optionally with an internal note.
import {
  changeStatus,
  targetOf,
  type PublicReportRecord,
  type TriageAction,
} from '../../domain/public-report/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { ServiceContext } from '../context.js';
import { loadReport, saveReportChange } from './report-support.js';

export async function actOnReport(
  ctx: ServiceContext,
  actor: UserActor,
  id: string,
  action: TriageAction,
  note?: string,
): Promise<PublicReportRecord> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const stored = await loadReport(tx, id, true);
    const { record, events } = changeStatus(
      stored.record,
      targetOf(action, stored.record.status),
      actor.name,
      now,
      note,
    );
    await saveReportChange(tx, actor, stored, record, events, now);
    return record;
  });
}
