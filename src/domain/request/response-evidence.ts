// When evidence answering a request may be filed for it: by the requested party's officers who may
// fulfil it, from acceptance (the file can be prepared while work starts) until it is fulfilled.
import { AppError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import { requireRequestAccess } from './policy.js';
import type { RequestRecord, RequestStatus } from './types.js';

export const ANSWERABLE_STATUSES: readonly RequestStatus[] = [
  'accepted',
  'approval_pending',
  'in_progress',
  'partially_fulfilled',
];

/** Throws the refusal (403 role or side, 409 status) when `actor` may not file evidence for `r` now. */
export function requireResponseEvidence(actor: Actor, r: RequestRecord): void {
  requireRequestAccess(actor, 'fulfil', r);
  if (!ANSWERABLE_STATUSES.includes(r.status)) {
    throw new AppError('REQUEST_NOT_ANSWERABLE', { details: { requestId: r.id, status: r.status } });
  }
}
