// The step a request waits for, and the order its actions are offered in: one rule for every
// viewer, so the primary button is the step the workflow expects next (after "Accept" comes
// "Start work", not "Request information") and the side that does not owe it sees whom it waits for.
import type { Role } from '../shared/roles.js';
import { REQUEST_POLICY } from './policy.js';
import type { RequestAction, RequestRecord, RequestSide } from './types.js';

/** The step the workflow expects next, who owes it and which roles may take it. */
export type ExpectedStep = { side: RequestSide; action: RequestAction; roles: readonly Role[] };

function step(side: RequestSide, action: RequestAction): ExpectedStep {
  return { side, action, roles: REQUEST_POLICY[action].roles };
}

/** Null once the request is finished (declined, closed, withdrawn). */
export function expectedStep(r: Pick<RequestRecord, 'status' | 'approvalRequired' | 'approval'>): ExpectedStep | null {
  switch (r.status) {
    case 'draft':
      return step('requesting', 'submit');
    case 'submitted':
      return step('requested', 'acknowledge');
    case 'acknowledged':
      return step('requested', 'accept');
    case 'needs_information':
      return step('requesting', 'provide_information');
    case 'accepted':
      // Where the law requires approval before data leaves, asking for it comes before the work.
      return step(
        'requested',
        r.approvalRequired && r.approval?.decision !== 'granted' ? 'request_approval' : 'start_work',
      );
    case 'approval_pending':
      return step('requested', 'record_approval');
    case 'in_progress':
    case 'partially_fulfilled':
      return step('requested', 'fulfil');
    // Either side may close; the requester is the one who knows it got what it needed.
    case 'fulfilled':
      return step('requesting', 'close');
    default:
      return null;
  }
}

/**
 * Every action in the order it is offered: the workflow's forward steps first, then answers to a
 * deadline proposal, closing and renewal, questions and proposals, and last what refuses or ends it.
 */
export const ACTION_ORDER: readonly RequestAction[] = [
  'submit',
  'provide_information',
  'acknowledge',
  'accept',
  'request_approval',
  'record_approval',
  'start_work',
  'fulfil',
  'partially_fulfil',
  'agree_clock_override',
  'close',
  'renew_preservation',
  'request_information',
  'propose_clock_override',
  'reject_clock_override',
  'decline',
  'withdraw',
];

/** `allowed` sorted: the expected step first when it is among them, then by ACTION_ORDER. */
export function orderActions(
  r: Pick<RequestRecord, 'status' | 'approvalRequired' | 'approval'>,
  allowed: readonly RequestAction[],
): RequestAction[] {
  const next = expectedStep(r)?.action;
  const rank = (a: RequestAction) => (a === next ? -1 : ACTION_ORDER.indexOf(a));
  return [...allowed].sort((a, b) => rank(a) - rank(b));
}

/** The expected step when this viewer (on `side`) may take it now, else null: the primary button. */
export function nextActionFor(
  r: Pick<RequestRecord, 'status' | 'approvalRequired' | 'approval'>,
  side: RequestSide | null,
  allowed: readonly RequestAction[],
): RequestAction | null {
  const next = expectedStep(r);
  return next && next.side === side && allowed.includes(next.action) ? next.action : null;
}
