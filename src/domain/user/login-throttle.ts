// Throttles of sign-in attempts per client, on top of the per-account lockout (lockout.ts). Pure: the
// service keeps the state in the database (so every process of a node applies one limit) and passes
// the time.
//
// - Per client address, a token bucket of failures (the public routes' rule, token-bucket.ts): a
//   burst of `capacity`, then `perSecond`. It bounds guessing over all accounts from one address.
//   A sign-in that succeeds gives its token back, so an office behind one NAT address is not
//   throttled by its own users.
// - Per client address and user name, an exponential backoff: the first `freeFailures` failures
//   (the lockout threshold: one address may still lock an account once) cost nothing, each further
//   one doubles the wait, up to `maxWaitMs`. An attacker at one address thus locks somebody else's
//   account for lockoutMinutes, then again after about half an hour, then after hours, then once a
//   day at most: never for good.
import { takeToken, type BucketPolicy, type BucketState } from '../public-report/token-bucket.js';

export type BackoffPolicy = { freeFailures: number; firstWaitMs: number; maxWaitMs: number; forgetAfterMs: number };
export type BackoffState = { failures: number; lastFailureAt: number };

/** 20 failures at once, then 20 an hour (a bucket idle for an hour is full again, so it may be forgotten). */
export const LOGIN_ADDRESS_POLICY: BucketPolicy = { capacity: 20, perSecond: 20 / 3600 };

export function loginBackoffPolicy(lockoutThreshold: number): BackoffPolicy {
  return {
    freeFailures: lockoutThreshold,
    firstWaitMs: 60_000,
    maxWaitMs: 24 * 3600_000,
    forgetAfterMs: 24 * 3600_000,
  };
}

function current(state: BackoffState | undefined, policy: BackoffPolicy, nowMs: number): number {
  return !state || nowMs - state.lastFailureAt >= policy.forgetAfterMs ? 0 : state.failures;
}

/** Milliseconds before the next attempt of this address on this user name may be checked; 0 = now. */
export function backoffWaitMs(state: BackoffState | undefined, policy: BackoffPolicy, nowMs: number): number {
  const failures = current(state, policy, nowMs);
  if (!state || failures < policy.freeFailures) return 0;
  const wait = Math.min(policy.maxWaitMs, policy.firstWaitMs * 2 ** (failures - policy.freeFailures));
  return Math.max(0, state.lastFailureAt + wait - nowMs);
}

/** One more failure (counted when the attempt is reserved: a success then clears the state). */
export function afterBackoffFailure(
  state: BackoffState | undefined,
  policy: BackoffPolicy,
  nowMs: number,
): BackoffState {
  return { failures: current(state, policy, nowMs) + 1, lastFailureAt: nowMs };
}

export type AddressDecision = { allowed: boolean; state: BucketState; retryAfterSeconds: number };

/** Takes one failure token of the client address (the pure token-bucket rule). */
export function takeAddressToken(state: BucketState | undefined, nowMs: number): AddressDecision {
  return takeToken(state, LOGIN_ADDRESS_POLICY, nowMs);
}

/** Gives the token back after a successful sign-in (never above the capacity). */
export function returnAddressToken(state: BucketState, nowMs: number): BucketState {
  const elapsed = Math.max(0, nowMs - state.at) / 1000;
  const refilled = Math.min(LOGIN_ADDRESS_POLICY.capacity, state.tokens + elapsed * LOGIN_ADDRESS_POLICY.perSecond);
  return { tokens: Math.min(LOGIN_ADDRESS_POLICY.capacity, refilled + 1), at: nowMs };
}
