// Use case (docs/spec.md §3.3): open a case from a hotline call in one action, prefilled from the call and
// linked both ways in the same transaction.
import { AppError } from '../../errors.js';
import { applyCallAction, draftCaseFromCall } from '../../domain/call/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { findCall, updateCall } from '../../storage/repositories/call.repository.js';
import { directionOf, nextCallCheckAt } from '../call/call-view.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { viewCase, type CaseView } from './case-support.js';
import { insertCase } from './create-case.js';

export async function createCaseFromCall(ctx: ServiceContext, actor: UserActor, callId: string): Promise<CaseView> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const call = await findCall(tx, callId, true);
    if (!call) throw new AppError('CALL_NOT_FOUND', { details: { id: callId } });
    // Cases have no exercise marking: a case opened from an exercise call would be real data.
    if (call.exerciseId)
      throw new AppError('EXERCISE_RECORD_STAYS_IN_EXERCISE', { details: { callId, exerciseId: call.exerciseId } });
    const d = draftCaseFromCall(call, ctx.config.nodeId);
    const summary = d.summaryLanguage === 'zh' ? { zh: d.summary } : { en: d.summary };
    const record = await insertCase(
      tx,
      ctx,
      actor,
      {
        title: d.title,
        summary,
        crimeCategories: d.crimeCategories,
        participatingParties: d.participatingParties,
        linkedCallIds: d.linkedCallIds,
      },
      now,
    );
    const linked = applyCallAction(call, 'link_case', actor, now, { caseId: record.id });
    await updateCall(
      tx,
      linked.record,
      call.version,
      directionOf(linked.record, ctx.config.nodeId),
      nextCallCheckAt(linked.record, ctx.config.nodeId),
    );
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'call',
        subjectId: call.id,
        events: linked.events,
        auditData: { reference: call.reference },
      },
      now,
    );
    return viewCase(record, actor);
  });
}
