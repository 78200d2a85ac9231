// The request workflow graph (docs/spec.md §2.3): from which statuses each action may be taken, plus its extra guards.
import type { AppErrorCode } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import { canRenewPreservation, resolveClockPolicy, type ClockPolicyInput } from './clocks.js';
import { canRequest, sideOf } from './policy.js';
import { REQUEST_ACTIONS, type RequestAction, type RequestRecord, type RequestStatus } from './types.js';

/** Statuses where the request is live between the parties (not draft, not finished). */
const LIVE: readonly RequestStatus[] = [
  'submitted',
  'acknowledged',
  'needs_information',
  'accepted',
  'approval_pending',
  'in_progress',
  'partially_fulfilled',
  'fulfilled',
];

/**
 * Live and not yet answered: once the requested party has fulfilled the request there is nothing
 * left to withdraw and no deadline left to move (only closing, or renewing a preservation).
 */
const OPEN = LIVE.filter((s) => s !== 'fulfilled');

/** Where the requested party can still be working on it, so it may ask for more information. */
const WORKING: readonly RequestStatus[] = [
  'submitted',
  'acknowledged',
  'accepted',
  'approval_pending',
  'in_progress',
  'partially_fulfilled',
];

export const ACTION_FROM: Record<RequestAction, readonly RequestStatus[]> = {
  submit: ['draft'],
  acknowledge: ['submitted'],
  accept: ['acknowledged'],
  request_information: WORKING,
  provide_information: ['needs_information'],
  decline: ['submitted', 'acknowledged', 'needs_information', 'accepted', 'approval_pending', 'in_progress'],
  request_approval: ['accepted'],
  record_approval: ['approval_pending'],
  start_work: ['accepted'],
  partially_fulfil: ['in_progress', 'partially_fulfilled'],
  fulfil: ['in_progress', 'partially_fulfilled'],
  close: ['partially_fulfilled', 'fulfilled'],
  // "At any point" before the request is answered; a withdrawn draft keeps its audit trail.
  withdraw: ['draft', ...OPEN],
  // Preservation keeps running while the parties talk, so renewal is possible in any live status
  // once preservation has started (at acceptance).
  renew_preservation: [
    'needs_information',
    'accepted',
    'approval_pending',
    'in_progress',
    'partially_fulfilled',
    'fulfilled',
  ],
  propose_clock_override: OPEN,
  // A proposal made before the fulfilment can still be answered (the guard needs one pending).
  agree_clock_override: LIVE,
  reject_clock_override: LIVE,
};

/** Actions the workflow allows from `status`, whoever the actor is. */
export function actionsFromStatus(status: RequestStatus): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => ACTION_FROM[a].includes(status));
}

export type GuardOptions = { clockPolicy?: ClockPolicyInput };

/**
 * Conditions beyond the status: approval before work, preservation renewal limits, and who may
 * answer a deadline proposal. Time-based guards are checked only when `now` is given.
 */
export function guardRefusal(
  r: RequestRecord,
  action: RequestAction,
  actor: Actor,
  now: Date | undefined,
  options: GuardOptions = {},
): AppErrorCode | null {
  switch (action) {
    case 'start_work':
      return r.approvalRequired && r.approval?.decision !== 'granted' ? 'REQUEST_APPROVAL_REQUIRED' : null;
    case 'request_approval':
      return r.approvalRequired ? null : 'REQUEST_APPROVAL_NOT_REQUIRED';
    case 'renew_preservation': {
      if (r.type !== 'preservation') return 'REQUEST_NOT_PRESERVATION';
      const expires = r.clocks.preservationExpiresAt;
      if (expires === null) return 'REQUEST_PRESERVATION_NOT_STARTED';
      if (now && now.getTime() >= Date.parse(expires)) return 'REQUEST_PRESERVATION_LAPSED';
      return canRenewPreservation(r, resolveClockPolicy(options.clockPolicy)) ? null : 'REQUEST_RENEWAL_LIMIT_REACHED';
    }
    case 'agree_clock_override':
      if (!r.pendingClockOverride) return 'REQUEST_NO_PENDING_OVERRIDE';
      return sideOf(actor, r) === r.pendingClockOverride.proposedBy ? 'REQUEST_OWN_PROPOSAL' : null;
    case 'reject_clock_override':
      return r.pendingClockOverride ? null : 'REQUEST_NO_PENDING_OVERRIDE';
    default:
      return null;
  }
}

/**
 * The actions this actor may take on this record now: status, side, role and guards all pass.
 * The UI shows exactly these buttons; applyRequestAction accepts exactly these actions.
 */
export function allowedActions(
  r: RequestRecord,
  actor: Actor,
  now?: Date,
  options: GuardOptions = {},
): RequestAction[] {
  return actionsFromStatus(r.status).filter(
    (a) => canRequest(actor, a, r) && guardRefusal(r, a, actor, now, options) === null,
  );
}
