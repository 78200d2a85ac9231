// Use case (docs/spec.md §3.3): turn a hotline call this node placed into a prefilled request draft to the
// called party, and link the two in the same transaction.
import type { ValidationIssue } from '../../error-types.js';
import { AppError } from '../../errors.js';
import { applyCallAction, draftRequestFromCall } from '../../domain/call/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { findCall, updateCall } from '../../storage/repositories/call.repository.js';
import type { ServiceContext } from '../context.js';
import { directionOf, nextCallCheckAt } from '../call/call-view.js';
import { recordChange } from '../shared/record-change.js';
import { insertDraftRequest } from './create-request-draft.js';
import type { PresentedRequest } from './present-request.js';

export async function createRequestFromCall(
  ctx: ServiceContext,
  actor: UserActor,
  callId: string,
): Promise<PresentedRequest & { issues: ValidationIssue[] }> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const call = await findCall(tx, callId, true);
    if (!call) throw new AppError('CALL_NOT_FOUND', { details: { id: callId } });
    // The caller asked for help, so only the calling party can turn the call into its request.
    if (call.fromParty !== ctx.config.nodeId) {
      throw new AppError('CALL_INVALID_TRANSITION', {
        message: {
          en: 'Only the calling party turns a call into a request; open a case instead.',
          zh: '只有发起呼叫的一方可以将呼叫转为请求；请改为立案。',
        },
        details: { callId, fromParty: call.fromParty },
      });
    }
    const d = draftRequestFromCall(call);
    const request = await insertDraftRequest(
      tx,
      ctx,
      actor,
      {
        type: d.requestType,
        requestedParty: d.requestedParty,
        subject: d.subject,
        facts: d.facts,
        urgency: d.urgency,
        crimeCategory: d.crimeCategory,
        contactOfficer: {
          name: d.contactOfficer.name,
          email: d.contactOfficer.email ?? '',
          phone: d.contactOfficer.phone ?? '',
        },
      },
      now,
      call.exerciseId ? { exerciseId: call.exerciseId } : {},
    );
    const linked = applyCallAction(call, 'link_request', actor, now, { requestId: request.record.id });
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
    return request.presented;
  });
}
