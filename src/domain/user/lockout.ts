// Lockout after repeated failed sign-ins: pure rule, the service stores the counters.
export type LockoutState = { failedAttempts: number; lockedUntil: string | null };
export type LockoutPolicy = { threshold: number; lockMinutes: number };

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil != null && new Date(state.lockedUntil).getTime() > now.getTime();
}

/** After `threshold` consecutive failures the account locks for `lockMinutes`; the counter restarts. */
export function afterFailure(state: LockoutState, policy: LockoutPolicy, now: Date): LockoutState {
  const failed = (isLocked(state, now) ? state.failedAttempts : state.failedAttempts) + 1;
  if (failed >= policy.threshold) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString() };
  }
  return { failedAttempts: failed, lockedUntil: state.lockedUntil };
}

export function afterSuccess(): LockoutState {
  return { failedAttempts: 0, lockedUntil: null };
}
