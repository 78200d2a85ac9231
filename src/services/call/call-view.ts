// What a call looks like to a reader on this node: the record, its direction, its clock and the
// actions open to that reader. Shared by the list, detail and action use cases.
import type { CallAction, CallEvaluation, CallRecord } from '../../domain/call/index.js';
import { escalationThreshold, evaluateCall, isAwaitingAck, MAX_ESCALATION_LEVEL } from '../../domain/call/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { CallDirection } from '../../storage/repositories/call.repository.js';
import { permittedCallActions } from './call-access.js';

export type CallClock = CallEvaluation & {
  /** Until the acknowledgement deadline; negative once overdue; null when no longer awaited. */
  timeLeftMs: number | null;
};

export type CallView = { call: CallRecord; direction: CallDirection; clock: CallClock; allowedActions: CallAction[] };

export function directionOf(call: Pick<CallRecord, 'fromParty'>, nodeId: string): CallDirection {
  return call.fromParty === nodeId ? 'outgoing' : 'incoming';
}

/**
 * When the escalation worker should next look at this call: just after the next rung's threshold
 * (a rung is reached strictly after it). Only the receiving node climbs the ladder.
 */
export function nextCallCheckAt(call: CallRecord, nodeId: string): string | null {
  if (call.toParty !== nodeId || !isAwaitingAck(call) || call.escalationLevel >= MAX_ESCALATION_LEVEL) return null;
  const next = escalationThreshold(call, (call.escalationLevel + 1) as 1 | 2);
  return new Date(next.getTime() + 1).toISOString();
}

export function viewCall(call: CallRecord, actor: Actor, nodeId: string, now: Date): CallView {
  const evaluation = evaluateCall(call, now);
  return {
    call,
    direction: directionOf(call, nodeId),
    clock: { ...evaluation, timeLeftMs: evaluation.isAwaitingAck ? Date.parse(call.ackDueAt) - now.getTime() : null },
    allowedActions: permittedCallActions(call, actor, now),
  };
}
