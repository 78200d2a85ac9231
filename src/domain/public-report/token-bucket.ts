// Token bucket for rate limits: `capacity` calls at once, refilled at `perSecond`. Pure: the
// caller keeps the state and passes the time.
export type BucketPolicy = { capacity: number; perSecond: number };
export type BucketState = { tokens: number; at: number };
export type BucketDecision = { allowed: boolean; state: BucketState; retryAfterSeconds: number };

export function takeToken(state: BucketState | undefined, policy: BucketPolicy, nowMs: number): BucketDecision {
  const prev = state ?? { tokens: policy.capacity, at: nowMs };
  const elapsed = Math.max(0, nowMs - prev.at) / 1000;
  const tokens = Math.min(policy.capacity, prev.tokens + elapsed * policy.perSecond);
  if (tokens >= 1) return { allowed: true, state: { tokens: tokens - 1, at: nowMs }, retryAfterSeconds: 0 };
  return {
    allowed: false,
    state: { tokens, at: nowMs },
    retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / policy.perSecond)),
  };
}
