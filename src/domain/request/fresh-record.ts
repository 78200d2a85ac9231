// What a request record holds before its workflow has touched it: both a new local draft and a
// request just received from a peer start with no approval, no overrides and no milestones.
import type { RequestRecord } from './types.js';

export const UNTOUCHED_BY_WORKFLOW = {
  approval: null,
  clockOverrides: null,
  pendingClockOverride: null,
  informationRequest: null,
  declineReason: null,
  withdrawReason: null,
  acknowledgedAt: null,
  acceptedAt: null,
  declinedAt: null,
  workStartedAt: null,
  partiallyFulfilledAt: null,
  fulfilledAt: null,
  closedAt: null,
  withdrawnAt: null,
  version: 1,
} as const satisfies Partial<RequestRecord>;
