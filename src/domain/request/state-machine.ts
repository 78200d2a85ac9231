// Applies one workflow action to a request: (record, action, actor, now, params) → new record + events, or throws.
import { AppError, validationError } from '../../errors.js';
import { actorLabel, type Actor } from '../shared/actor.js';
import { iso } from '../shared/time.js';
import { validateActionParams, type ActionParams } from './action-params.js';
import {
  applyAgreedOverrides,
  computeSubmitClocks,
  pauseClocks,
  renewPreservationClock,
  resolveClockPolicy,
  resumeClocks,
  startPreservation,
  type ClockPolicy,
  type ClockPolicyInput,
} from './clocks.js';
import { isApprovalRequired } from './legal-bases.js';
import type { TRequestAction } from './schemas.js';
import { requireRequestAccess, sideOf } from './policy.js';
import { ACTION_FROM, actionsFromStatus, guardRefusal } from './transitions.js';
import type { ClockOverrideValues, RequestAction, RequestEvent, RequestRecord, RequestSide } from './types.js';
import { assertSubmittable } from './validate-request.js';

export type ApplyOptions = {
  clockPolicy?: ClockPolicyInput;
  /**
   * Exercise speed (docs/spec.md §7.2): a request injected by an exercise run at N× gets submit clocks
   * N times shorter, so its deadlines and escalations come at the exercise's pace. 1 for real work.
   */
  timeScale?: number;
};

export type ApplyResult = { record: RequestRecord; events: RequestEvent[] };

/** Past-tense event names, `request.<name>`. */
export const ACTION_EVENT: Record<RequestAction, string> = {
  submit: 'submitted',
  acknowledge: 'acknowledged',
  accept: 'accepted',
  request_information: 'information_requested',
  provide_information: 'information_provided',
  decline: 'declined',
  request_approval: 'approval_requested',
  record_approval: 'approval_recorded',
  start_work: 'work_started',
  partially_fulfil: 'partially_fulfilled',
  fulfil: 'fulfilled',
  close: 'closed',
  withdraw: 'withdrawn',
  renew_preservation: 'preservation_renewed',
  propose_clock_override: 'clock_override_proposed',
  agree_clock_override: 'clock_override_agreed',
  reject_clock_override: 'clock_override_rejected',
};

/**
 * Checks, in order: role and party side (403), status (409 REQUEST_INVALID_TRANSITION), guards
 * (409), parameters (422). Apply peer actions with the time the peer recorded (`now` from the
 * message), so both nodes store identical timestamps and deadlines.
 */
export function applyRequestAction<A extends RequestAction>(
  record: RequestRecord,
  action: A,
  actor: Actor,
  now: Date,
  params: ActionParams[A] = {} as ActionParams[A],
  options: ApplyOptions = {},
): ApplyResult {
  requireRequestAccess(actor, action, record);
  if (!ACTION_FROM[action].includes(record.status)) {
    throw new AppError('REQUEST_INVALID_TRANSITION', {
      details: { requestId: record.id, from: record.status, action, allowedActions: actionsFromStatus(record.status) },
    });
  }
  const refused = guardRefusal(record, action, actor, now, options);
  if (refused) throw new AppError(refused, { details: { requestId: record.id, from: record.status, action } });
  const issues = validateActionParams(action, params, record, now);
  if (issues.length > 0) throw validationError(issues);

  const policy = resolveClockPolicy(options.clockPolicy);
  const side = sideOf(actor, record) as RequestSide;
  const { patch, data } = transition(record, action, params, now, side, actor, policy, options.timeScale ?? 1);
  const at = iso(now);
  const next: RequestRecord = { ...record, ...patch, updatedAt: at, version: record.version + 1 };
  const event: RequestEvent = {
    type: `request.${ACTION_EVENT[action]}`,
    at,
    actor: actorLabel(actor),
    actorKind: actor.kind,
    partyId: actor.partyId,
    requestId: record.id,
    data: { reference: record.reference, from: record.status, to: next.status, side, ...data },
  };
  return { record: next, events: [event] };
}

function overrideValues(r: RequestRecord): ClockOverrideValues {
  if (!r.clockOverrides) return {};
  const { agreedAt: _agreedAt, proposedBy: _proposedBy, note: _note, ...values } = r.clockOverrides;
  return values;
}

/** Same as applyRequestAction for an HTTP/federation body shaped like ZRequestActionSchema. */
export function applyRequestCommand(
  record: RequestRecord,
  command: TRequestAction,
  actor: Actor,
  now: Date,
  options: ApplyOptions = {},
): ApplyResult {
  const { action, ...params } = command;
  return applyRequestAction(record, action, actor, now, params as ActionParams[typeof action], options);
}

type Step = { patch: Partial<RequestRecord>; data: Record<string, unknown> };

function transition<A extends RequestAction>(
  r: RequestRecord,
  action: A,
  params: ActionParams[A],
  now: Date,
  side: RequestSide,
  actor: Actor,
  policy: ClockPolicy,
  timeScale: number,
): Step {
  const at = iso(now);
  const p = params as Partial<ActionParams[RequestAction]> & Record<string, unknown>;
  const note = typeof p.note === 'string' && p.note.trim() !== '' ? { note: p.note } : {};
  // Finishing a request while paused must not leave the "paused" flag behind.
  const unpaused = { ...r.clocks, pausedAt: null };

  switch (action) {
    case 'submit': {
      const approvalRequired = r.approvalRequired || isApprovalRequired(r.type, r.legalBasis ?? '', false);
      assertSubmittable(r, now);
      const clocks = computeSubmitClocks(r, now, policy, timeScale);
      return {
        patch: { status: 'submitted', submittedAt: at, approvalRequired, clocks },
        data: { ...note, approvalRequired, ackDueAt: clocks.ackDueAt, responseDueAt: clocks.responseDueAt },
      };
    }
    case 'acknowledge':
      return { patch: { status: 'acknowledged', acknowledgedAt: at }, data: note };
    case 'accept': {
      const clocks = startPreservation(r, now, policy);
      return {
        patch: { status: 'accepted', acceptedAt: at, clocks },
        data: { ...note, preservationExpiresAt: clocks.preservationExpiresAt },
      };
    }
    case 'request_information': {
      const questions = String(p.questions);
      return {
        patch: {
          status: 'needs_information',
          informationRequest: { questions, requestedAt: at, previousStatus: r.status },
          clocks: pauseClocks(r.clocks, now),
        },
        data: { questions },
      };
    }
    case 'provide_information': {
      const back = r.informationRequest?.previousStatus ?? (r.acknowledgedAt ? 'acknowledged' : 'submitted');
      const clocks = resumeClocks(r.clocks, now, back === 'submitted');
      return {
        patch: { status: back, informationRequest: null, clocks },
        data: { information: p.information, ackDueAt: clocks.ackDueAt, responseDueAt: clocks.responseDueAt },
      };
    }
    case 'decline':
      return {
        patch: { status: 'declined', declineReason: String(p.reason), declinedAt: at, clocks: unpaused },
        data: { reason: p.reason },
      };
    case 'request_approval':
      return {
        patch: {
          status: 'approval_pending',
          approval: {
            requestedAt: at,
            decidedAt: null,
            decision: null,
            authority: p.authority as string | undefined,
            ...note,
          },
        },
        data: { ...note, authority: p.authority },
      };
    case 'record_approval': {
      const granted = p.decision === 'granted';
      const approval = {
        requestedAt: r.approval?.requestedAt ?? at,
        decidedAt: at,
        decision: granted ? ('granted' as const) : ('refused' as const),
        authority: (p.authority as string | undefined) ?? r.approval?.authority,
        reference: p.reference as string | undefined,
        note: p.reason as string | undefined,
      };
      const patch: Partial<RequestRecord> = granted
        ? { status: 'in_progress', approval, workStartedAt: at }
        : { status: 'declined', approval, declineReason: String(p.reason), declinedAt: at };
      return {
        patch,
        data: {
          decision: approval.decision,
          authority: approval.authority,
          reference: approval.reference,
          reason: p.reason,
        },
      };
    }
    case 'start_work':
      return { patch: { status: 'in_progress', workStartedAt: at }, data: note };
    case 'partially_fulfil':
      return {
        patch: { status: 'partially_fulfilled', partiallyFulfilledAt: at },
        data: { ...note, evidenceIds: p.evidenceIds ?? [] },
      };
    case 'fulfil':
      return { patch: { status: 'fulfilled', fulfilledAt: at }, data: { ...note, evidenceIds: p.evidenceIds ?? [] } };
    case 'close':
      return { patch: { status: 'closed', closedAt: at, clocks: unpaused }, data: note };
    case 'withdraw':
      return {
        patch: { status: 'withdrawn', withdrawReason: String(p.reason), withdrawnAt: at, clocks: unpaused },
        // A draft was never sent: the service must not tell the other party about it.
        data: { reason: p.reason, wasSubmitted: r.submittedAt !== null },
      };
    case 'renew_preservation': {
      const clocks = renewPreservationClock(r, policy);
      return {
        patch: { clocks },
        data: {
          ...note,
          renewalCount: clocks.renewalCount,
          previousExpiresAt: r.clocks.preservationExpiresAt,
          preservationExpiresAt: clocks.preservationExpiresAt,
        },
      };
    }
    case 'propose_clock_override': {
      const values = (p as ActionParams['propose_clock_override']).values;
      return {
        patch: {
          pendingClockOverride: {
            values,
            proposedBy: side,
            proposedAt: at,
            proposedByLabel: actorLabel(actor),
            ...note,
          },
        },
        data: { ...note, values, replacesPending: r.pendingClockOverride !== null },
      };
    }
    case 'agree_clock_override': {
      const pending = r.pendingClockOverride!;
      // Values agreed earlier stay in force unless this agreement replaces them.
      const clockOverrides = {
        ...overrideValues(r),
        ...pending.values,
        agreedAt: at,
        proposedBy: pending.proposedBy,
        ...note,
      };
      const clocks = applyAgreedOverrides({ ...r, clockOverrides }, pending.values, policy);
      return {
        patch: { clockOverrides, pendingClockOverride: null, clocks },
        data: { ...note, values: pending.values, proposedBy: pending.proposedBy, clocks },
      };
    }
    case 'reject_clock_override':
      return {
        patch: { pendingClockOverride: null },
        data: { ...note, values: r.pendingClockOverride?.values, proposedBy: r.pendingClockOverride?.proposedBy },
      };
    default:
      throw new AppError('REQUEST_INVALID_TRANSITION', { details: { from: r.status, action } });
  }
}
