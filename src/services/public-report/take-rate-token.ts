// Use case: take one token from a client's bucket of a public route, or refuse with the seconds to
// wait. The buckets live in the database, so every process of a node enforces one limit per client
// (with processes behind a load balancer, a client meets the limit once, not once per process).
// The bucket row is locked for the decision, so concurrent calls of one client are counted one by one.
import { takeToken, type BucketPolicy } from '../../domain/public-report/index.js';
import { AppError } from '../../errors.js';
import { lockBucket, saveBucket } from '../../storage/repositories/rate-limit.repository.js';
import type { ServiceContext } from '../context.js';

export type RateScope = 'report_submit' | 'report_status' | 'report_upload';

export const RATE_POLICIES: Record<RateScope, BucketPolicy> = {
  report_submit: { capacity: 5, perSecond: 1 / 120 },
  report_status: { capacity: 20, perSecond: 1 / 6 },
  // Screenshots sent ahead of a report (at most 5 MB each): a report's five and a retry at once, then one a minute.
  report_upload: { capacity: 10, perSecond: 1 / 60 },
};

/** A bucket untouched this long is full again under every policy above (20 tokens at 1/6 s takes 2 min; 5 at 1/120 s, 10 min; 10 at 1/60 s, 10 min). */
export const BUCKET_IDLE_MS = 60 * 60_000;

export async function takeRateToken(ctx: ServiceContext, scope: RateScope, client: string): Promise<void> {
  const policy = RATE_POLICIES[scope];
  const now = ctx.clock().getTime();
  const decision = await ctx.db.transaction(async (tx) => {
    const state = await lockBucket(tx, scope, client, { tokens: policy.capacity, at: now });
    const d = takeToken(state, policy, now);
    await saveBucket(tx, scope, client, d.state);
    return d;
  });
  if (!decision.allowed)
    throw new AppError('PUBLIC_REPORT_RATE_LIMITED', { details: { retryAfterSeconds: decision.retryAfterSeconds } });
}
