// The hotline call state machine: placed → delivered → acknowledged → answered → closed, or cancelled.
import type { ValidationIssue } from '../../error-types.js';
import { AppError, validationError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import { actorLabel } from '../shared/actor.js';
import { issue } from '../shared/bilingual.js';
import { iso } from '../shared/time.js';
import { dueEscalationLevel, escalationKey } from './clock.js';
import { canCall, requireCallAccess } from './policy.js';
import type { EscalationLevel } from './topics.js';
import { MAX_ESCALATION_LEVEL, escalationRole } from './topics.js';
import type {
  CallAction,
  CallActionParams,
  CallEvent,
  CallEventType,
  CallRecord,
  CallResult,
  CallStatus,
} from './types.js';
import { CALL_ACTIONS } from './types.js';
import {
  CALL_ANSWER_MAX,
  CALL_LINK_ID_MAX,
  CALL_NOTE_MAX,
  CALL_REASON_MAX,
  isIsoInstant,
  validateText,
} from './validation.js';

const LINKABLE: readonly CallAction[] = ['note', 'callback_attempt', 'link_request', 'link_case'];

/** Which actions each state admits; who may take them is policy.ts's business. */
export const CALL_TRANSITIONS: Readonly<Record<CallStatus, readonly CallAction[]>> = {
  // Acknowledging a call still 'placed' is allowed: the receiving officer has it in front of them,
  // so a late delivery receipt must not block the human acknowledgement (it implies delivery).
  placed: ['deliver', 'acknowledge', 'escalate', 'cancel', ...LINKABLE],
  delivered: ['acknowledge', 'escalate', 'cancel', ...LINKABLE],
  acknowledged: ['answer', 'cancel', ...LINKABLE],
  answered: ['close', ...LINKABLE],
  // A closed call can still become a request or case afterwards (docs/spec.md §3.3) and take notes.
  closed: ['note', 'link_request', 'link_case'],
  cancelled: ['note'],
};

/** Actions a machine may take on its own; every other action is a person's. */
const MACHINE_ACTIONS: readonly CallAction[] = ['deliver', 'escalate'];

/** Actions that only append to the contact log and leave the record (and its version) as is. */
const LOG_ONLY: readonly CallAction[] = ['note', 'callback_attempt'];

const EVENT_OF: Record<CallAction, CallEventType> = {
  deliver: 'call.delivered',
  acknowledge: 'call.acknowledged',
  answer: 'call.answered',
  close: 'call.closed',
  cancel: 'call.cancelled',
  escalate: 'call.escalated',
  note: 'call.note_added',
  callback_attempt: 'call.callback_attempted',
  link_request: 'call.linked_request',
  link_case: 'call.linked_case',
};

function fail(issues: ValidationIssue[]): never {
  throw validationError(issues, 'CALL_VALIDATION_FAILED');
}

/** Name of the person behind the action; for a relay, the person on the peer's side. */
function performer(actor: Actor, action: CallAction, params: CallActionParams): string {
  if (actor.kind !== 'peer') return actorLabel(actor);
  const relayed = params.relayedBy?.trim();
  if (relayed) return relayed;
  if (MACHINE_ACTIONS.includes(action)) return actorLabel(actor);
  if (action === 'acknowledge') throw new AppError('CALL_HUMAN_ACK_REQUIRED', { details: { action } });
  return fail([
    issue('relayedBy', 'required', 'A relayed action must name the person who took it.', '转发的操作必须注明操作人。'),
  ]);
}

function effectiveAt(actor: Actor, params: CallActionParams, now: Date): string {
  if (actor.kind !== 'peer' || params.relayedAt == null) return iso(now);
  if (!isIsoInstant(params.relayedAt)) fail([issue('relayedAt', 'invalid_instant', 'Not a valid time.', '时间无效。')]);
  return iso(params.relayedAt);
}

export function applyCallAction<A extends CallAction>(
  call: CallRecord,
  action: A,
  actor: Actor,
  now: Date,
  params: CallActionParams<A> = {} as CallActionParams<A>,
): CallResult {
  if (!CALL_ACTIONS.includes(action)) fail([issue('action', 'unknown_action', 'Unknown action.', '未知操作。')]);
  const p = params as CallActionParams;
  if (action === 'acknowledge' && actor.kind === 'system') {
    throw new AppError('CALL_HUMAN_ACK_REQUIRED', { details: { action } });
  }
  requireCallAccess(actor, action, call);
  const allowed = CALL_TRANSITIONS[call.status];
  if (!allowed.includes(action)) {
    throw new AppError('CALL_INVALID_TRANSITION', {
      details: { callId: call.id, status: call.status, action, allowed },
    });
  }
  const by = performer(actor, action, p);
  const at = effectiveAt(actor, p, now);
  const change = applyChange(call, action, actor, now, p, at, by);
  const record: CallRecord = LOG_ONLY.includes(action) ? call : { ...call, ...change.patch, version: call.version + 1 };
  const event: CallEvent = {
    type: EVENT_OF[action],
    at,
    actorLabel: actorLabel(actor),
    data: { callId: call.id, originParty: actor.partyId, by, ...change.data },
  };
  return { record, events: [event] };
}

type Change = { patch: Partial<CallRecord>; data: Record<string, unknown> };

function applyChange(
  call: CallRecord,
  action: CallAction,
  actor: Actor,
  now: Date,
  p: CallActionParams,
  at: string,
  by: string,
): Change {
  const params = p as Record<string, unknown>;
  switch (action) {
    case 'deliver':
      return { patch: { status: 'delivered', deliveredAt: at }, data: {} };
    case 'acknowledge': {
      const late = new Date(at).getTime() > new Date(call.ackDueAt).getTime();
      return {
        patch: { status: 'acknowledged', acknowledgedAt: at, acknowledgedBy: by, deliveredAt: call.deliveredAt ?? at },
        data: {
          acknowledgedLate: late,
          timeToAcknowledgeMs: new Date(at).getTime() - new Date(call.placedAt).getTime(),
          escalationLevel: call.escalationLevel,
        },
      };
    }
    case 'answer': {
      const v = validateText('answer', params.answer, CALL_ANSWER_MAX, true);
      if (v.length) fail(v);
      const answer = String(params.answer).trim();
      return { patch: { status: 'answered', answeredAt: at, answeredBy: by, answer }, data: { answer } };
    }
    case 'close':
      return { patch: { status: 'closed', closedAt: at }, data: {} };
    case 'cancel': {
      const v = validateText('reason', params.reason, CALL_REASON_MAX, false);
      if (v.length) fail(v);
      const reason = typeof params.reason === 'string' && params.reason.trim() ? params.reason.trim() : null;
      return { patch: { status: 'cancelled', cancelledAt: at, cancelReason: reason }, data: { reason } };
    }
    case 'escalate':
      return escalate(call, actor, now, params.level, at);
    case 'note': {
      const v = validateText('text', params.text, CALL_NOTE_MAX, true);
      if (v.length) fail(v);
      return { patch: {}, data: { text: String(params.text).trim() } };
    }
    case 'callback_attempt': {
      const v = validateText('text', params.text, CALL_NOTE_MAX, false);
      if (v.length) fail(v);
      return { patch: {}, data: { text: typeof params.text === 'string' ? params.text.trim() : '' } };
    }
    case 'link_request':
    case 'link_case':
      return link(call, action, action === 'link_request' ? params.requestId : params.caseId);
  }
}

function escalate(call: CallRecord, actor: Actor, now: Date, raw: unknown, at: string): Change {
  const level = raw == null ? call.escalationLevel + 1 : raw;
  if (level !== 1 && level !== 2) {
    fail([
      issue(
        'level',
        'invalid_level',
        'Escalation level must be 1 (deputy) or 2 (supervisor).',
        '升级级别必须为 1（副值班员）或 2（值班主管）。',
      ),
    ]);
  }
  if (level <= call.escalationLevel || level > MAX_ESCALATION_LEVEL) {
    fail([
      issue('level', 'not_higher', 'The call is already at or above that level.', '该呼叫已处于该级别或更高级别。'),
    ]);
  }
  // People may escalate by judgement at any time; the worker only when the clock says so.
  if (actor.kind === 'system' && level > dueEscalationLevel(call, now)) {
    throw new AppError('CALL_ESCALATION_NOT_DUE', { details: { callId: call.id, level, ackDueAt: call.ackDueAt } });
  }
  const lvl = level as EscalationLevel;
  return {
    patch: { escalationLevel: lvl, escalatedAt: at },
    data: {
      key: escalationKey(lvl as 1 | 2),
      level: lvl,
      fromLevel: call.escalationLevel,
      role: escalationRole(lvl),
      ackDueAt: call.ackDueAt,
      manual: actor.kind !== 'system',
    },
  };
}

function link(call: CallRecord, action: 'link_request' | 'link_case', raw: unknown): Change {
  const path = action === 'link_request' ? 'requestId' : 'caseId';
  const v = validateText(path, raw, CALL_LINK_ID_MAX, true);
  if (v.length) fail(v);
  const id = String(raw).trim();
  const current = action === 'link_request' ? call.linkedRequestId : call.linkedCaseId;
  // One link of each kind keeps "the request made from this call" unambiguous.
  if (current) throw new AppError('CALL_ALREADY_LINKED', { details: { callId: call.id, [path]: current } });
  return action === 'link_request'
    ? { patch: { linkedRequestId: id }, data: { requestId: id } }
    : { patch: { linkedCaseId: id }, data: { caseId: id } };
}

/** Actions `actor` may take now: allowed by the state, the policy and (for the worker) the clock. */
export function allowedCallActions(call: CallRecord, actor: Actor, now: Date): CallAction[] {
  return CALL_TRANSITIONS[call.status].filter((action) => {
    if (action === 'acknowledge' && actor.kind === 'system') return false;
    if (!canCall(actor, action, call)) return false;
    if (action === 'escalate') {
      if (call.escalationLevel >= MAX_ESCALATION_LEVEL) return false;
      if (actor.kind === 'system') return dueEscalationLevel(call, now) > call.escalationLevel;
    }
    if (action === 'link_request') return call.linkedRequestId == null;
    if (action === 'link_case') return call.linkedCaseId == null;
    return true;
  });
}
