// Lockout after repeated failed sign-ins (or wrong TOTP codes): pure rule, the service stores the
// counters. An attempt is *reserved* before a secret is checked and *settled* after, so parallel
// attempts cannot get more secrets checked than the threshold: a reservation counts against the
// budget from the moment it is taken, and the budget is the number of failures still allowed.
export type LockoutState = {
  failedAttempts: number;
  lockedUntil: string | null;
  /** Attempts reserved and not yet settled (checks in progress). */
  pendingAttempts: number;
  /** Reservations stop counting after this time: a process that died mid-check must not leave a permanent debt. */
  pendingUntil: string | null;
};
export type LockoutPolicy = { threshold: number; lockMinutes: number };

/** A check takes tens of milliseconds; a reservation older than this belongs to a process that died. */
export const PENDING_ATTEMPT_MS = 60_000;

export function isLocked(state: Pick<LockoutState, 'lockedUntil'>, now: Date): boolean {
  return state.lockedUntil != null && new Date(state.lockedUntil).getTime() > now.getTime();
}

function inFlight(state: LockoutState, now: Date): number {
  return state.pendingUntil != null && new Date(state.pendingUntil).getTime() > now.getTime()
    ? state.pendingAttempts
    : 0;
}

/**
 * Takes one attempt of the budget, or null when none is left: the account is locked, or the
 * failures so far plus the checks in progress already reach the threshold (any of them may fail).
 */
export function reserveAttempt(state: LockoutState, policy: LockoutPolicy, now: Date): LockoutState | null {
  if (isLocked(state, now)) return null;
  const pending = inFlight(state, now);
  // A lock that has run out leaves the counter at 0 (it is reset when the lock is set).
  if (state.failedAttempts + pending >= policy.threshold) return null;
  return {
    ...state,
    lockedUntil: null,
    pendingAttempts: pending + 1,
    pendingUntil: new Date(now.getTime() + PENDING_ATTEMPT_MS).toISOString(),
  };
}

function released(state: LockoutState, now: Date): Pick<LockoutState, 'pendingAttempts' | 'pendingUntil'> {
  const pending = Math.max(0, inFlight(state, now) - 1);
  return { pendingAttempts: pending, pendingUntil: pending > 0 ? state.pendingUntil : null };
}

/** The reserved attempt failed: after `threshold` failures the account locks for `lockMinutes` and the counter restarts. */
export function settleFailure(
  state: LockoutState,
  policy: LockoutPolicy,
  now: Date,
): { state: LockoutState; locked: boolean } {
  const failed = state.failedAttempts + 1;
  if (failed >= policy.threshold) {
    return {
      state: {
        ...state,
        ...released(state, now),
        failedAttempts: 0,
        lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString(),
      },
      locked: true,
    };
  }
  return { state: { ...state, ...released(state, now), failedAttempts: failed }, locked: false };
}

/** The reserved attempt succeeded: the failures so far are forgotten. */
export function settleSuccess(state: LockoutState, now: Date): LockoutState {
  return { ...state, ...released(state, now), failedAttempts: 0, lockedUntil: null };
}

/** The reserved attempt was neither (e.g. a right password still waiting for its TOTP code): give it back. */
export function releaseAttempt(state: LockoutState, now: Date): LockoutState {
  return { ...state, ...released(state, now) };
}
