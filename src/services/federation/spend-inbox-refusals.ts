// Use case: the inbox refused `count` items from one client IP before authenticating anyone; take
// them from that IP's refusal budget (docs/federation.md §5) and say how long the IP is now shut
// out. The budget is a row of rate_limit_buckets, so every process of the node spends the same
// budget; only refusals pay this round trip, never a peer's accepted batches.
import { spendRefusals, type RefusalBudgetPolicy } from '../../domain/federation/refusal-budget.js';
import { lockBucket, saveBucket } from '../../storage/repositories/rate-limit.repository.js';
import type { ServiceContext } from '../context.js';

export const INBOX_REFUSAL_SCOPE = 'federation_inbox_refusals';

export async function spendInboxRefusals(ctx: ServiceContext, ip: string, count: number): Promise<{ blockMs: number }> {
  const policy: RefusalBudgetPolicy = { perMinute: ctx.config.federationInboxRefusalBudget };
  const now = ctx.clock().getTime();
  return ctx.db.transaction(async (tx) => {
    const state = await lockBucket(tx, INBOX_REFUSAL_SCOPE, ip, { tokens: policy.perMinute, at: now });
    const spent = spendRefusals(state, policy, count, now);
    await saveBucket(tx, INBOX_REFUSAL_SCOPE, ip, spent.state);
    return { blockMs: spent.blockMs };
  });
}
