// What a viewer sees of a request: the record's own fields, its live clock status, the actions
// this viewer may take (in the order they are offered, the expected next step first), the step the
// request waits for, and the steps a point of contact may record for an off-federation counterpart.
import {
  allowedActions,
  evaluateClocks,
  expectedStep,
  nextActionFor,
  orderActions,
  sideOf,
  type ClockStatus,
  type ExpectedStep,
  type RequestAction,
  type RequestRecord,
} from '../../domain/request/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { ServiceContext } from '../context.js';
import { counterpartOf, requestClockPolicy } from './request-support.js';

export type PresentedRequest = RequestRecord & {
  direction: 'outgoing' | 'incoming';
  clock: ClockStatus;
  /** Exactly what this viewer may do now, the expected next step first, refusals last. */
  allowedActions: RequestAction[];
  /** The step the workflow expects next, when this viewer may take it: the primary button. */
  nextAction: RequestAction | null;
  /** Who owes the next step and which roles may take it (null once the request is finished). */
  expectedStep: ExpectedStep | null;
  /**
   * The counterpart's steps this viewer could record for it (points of contact and supervisors),
   * used only while the counterpart is off the federation — the API refuses them otherwise.
   */
  counterpartActions: RequestAction[];
};

export function presentRequest(ctx: ServiceContext, r: RequestRecord, viewer: Actor, now: Date): PresentedRequest {
  const clockPolicy = requestClockPolicy(ctx);
  const allowed = orderActions(r, allowedActions(r, viewer, now, { clockPolicy }));
  // Object.assign, not a spread: copying the record's ~50 fields by spread cost three times as much
  // CPU, which a list pays per row (docs/performance.md, "List 50 of 2,000").
  return Object.assign({}, r, {
    direction: r.requestingParty === ctx.config.nodeId ? ('outgoing' as const) : ('incoming' as const),
    clock: evaluateClocks(r, now, { clockPolicy }),
    allowedActions: allowed,
    nextAction: nextActionFor(r, sideOf(viewer, r), allowed),
    expectedStep: expectedStep(r),
    counterpartActions: counterpartActions(ctx, r, viewer, now),
  });
}

/** Same check as counterpartProxy + the domain, without the peer lookup (the page knows its peers). */
function counterpartActions(ctx: ServiceContext, r: RequestRecord, viewer: Actor, now: Date): RequestAction[] {
  if (viewer.kind !== 'user' || r.status === 'draft') return [];
  if (!viewer.roles.some((role) => role === 'point_of_contact' || role === 'supervisor')) return [];
  const proxy = { ...viewer, partyId: counterpartOf(r, ctx.config.nodeId) };
  return orderActions(r, allowedActions(r, proxy, now, { clockPolicy: requestClockPolicy(ctx) }));
}
