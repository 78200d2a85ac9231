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

export type CallActionInput = { action: CallAction } & CallActionParams;

export async function actOnCall(ctx: ServiceContext, actor: Actor, id: string, input: CallActionInput): Promise<CallDetail> {
  const { action, ...params } = input;
  if (CALL_ACTION_PERMISSION[action]) requireCallPermission(actor, CALL_ACTION_PERMISSION[action], action);
  const now = ctx.clock();
  const nodeId = ctx.config.nodeId;
  await ctx.db.transaction(async (tx) => {
    const call = await findCall(tx, id, true);
    if (!call) throw new AppError('CALL_NOT_FOUND', { details: { id } });
    const { record, events } = applyCallAction(call, action, actor, now, params);
    // Notes and callback attempts only add to the contact log; the record itself stays as it was.
    if (record.version !== call.version) {
      await updateCall(tx, record, call.version, directionOf(record, nodeId), nextCallCheckAt(record, nodeId));
    }
    await recordChange(tx, {
      actor, subjectType: 'call', subjectId: id, events, auditData: { reference: call.reference, status: record.status },
    }, now);
    await publishCallStep(tx, ctx, call, input, actor, now);
  });
  return getCall(ctx, actor, id);
}
