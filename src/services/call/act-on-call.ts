// Use case: acknowledge, answer, close, cancel, escalate, note, log a callback attempt or link a
// call to a request or case — one domain action, stored with its history in one transaction.
import { AppError } from '../../errors.js';
import type { CallAction, CallActionParams } from '../../domain/call/index.js';
import { applyCallAction } from '../../domain/call/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { findCall, updateCall } from '../../storage/repositories/call.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { CALL_ACTION_PERMISSION, requireCallPermission } from './call-access.js';
import { directionOf, nextCallCheckAt } from './call-view.js';
import { getCall, type CallDetail } from './get-call.js';
import { publishCallStep } from './call-federation.js';
import { findRequest } from '../../storage/repositories/request.repository.js';
import type { Queryable } from '../../storage/db.js';

export type CallActionInput = { action: CallAction } & CallActionParams;

export async function actOnCall(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: CallActionInput,
): Promise<CallDetail> {
  const { action, ...params } = input;
  if (CALL_ACTION_PERMISSION[action]) requireCallPermission(actor, CALL_ACTION_PERMISSION[action], action);
  const now = ctx.clock();
  const nodeId = ctx.config.nodeId;
  await ctx.db.transaction(async (tx) => {
    const call = await findCall(tx, id, true);
    if (!call) throw new AppError('CALL_NOT_FOUND', { details: { id } });
    await requireSameWorld(tx, call.exerciseId, input);
    const { record, events } = applyCallAction(call, action, actor, now, params);
    // Notes and callback attempts only add to the contact log; the record itself stays as it was.
    if (record.version !== call.version) {
      await updateCall(tx, record, call.version, directionOf(record, nodeId), nextCallCheckAt(record, nodeId));
    }
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'call',
        subjectId: id,
        events,
        auditData: { reference: call.reference, status: record.status },
      },
      now,
    );
    await publishCallStep(tx, ctx, call, input, actor, now);
  });
  return getCall(ctx, actor, id);
}

/**
 * Exercise and real records never link to each other (docs/spec.md §7.2): an exercise call links only to a
 * request of the same exercise and never to a case (cases carry no exercise marking); a real call
 * never links to an exercise request.
 */
async function requireSameWorld(
  tx: Queryable,
  callExerciseId: string | null | undefined,
  input: CallActionInput,
): Promise<void> {
  if (input.action === 'link_case' && callExerciseId) {
    throw new AppError('EXERCISE_RECORD_STAYS_IN_EXERCISE', { details: { exerciseId: callExerciseId } });
  }
  const requestId = input.action === 'link_request' ? (input as { requestId?: unknown }).requestId : undefined;
  if (typeof requestId !== 'string') return;
  const request = await findRequest(tx, requestId);
  if (request && (request.exerciseId ?? null) !== (callExerciseId ?? null)) {
    throw new AppError('EXERCISE_RECORD_STAYS_IN_EXERCISE', {
      details: { requestId, exerciseId: callExerciseId ?? null },
    });
  }
}
