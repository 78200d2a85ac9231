// The lockout rule with reservations: parallel attempts never exceed the threshold, a success
// forgets failures, a lock runs out, and a reservation of a process that died stops counting.
import { describe, expect, it } from 'vitest';
import {
  isLocked,
  PENDING_ATTEMPT_MS,
  releaseAttempt,
  reserveAttempt,
  settleFailure,
  settleSuccess,
  type LockoutState,
} from './lockout.js';

const policy = { threshold: 3, lockMinutes: 15 };
const now = new Date('2026-03-02T08:00:00Z');
const fresh: LockoutState = { failedAttempts: 0, lockedUntil: null, pendingAttempts: 0, pendingUntil: null };

describe('lockout with reserved attempts', () => {
  it('hands out at most `threshold` attempts while checks are in progress', () => {
    let s = fresh;
    const taken: LockoutState[] = [];
    for (let i = 0; i < 10; i++) {
      const next = reserveAttempt(s, policy, now);
      if (next) {
        taken.push(next);
        s = next;
      }
    }
    expect(taken).toHaveLength(3);
    expect(s.pendingAttempts).toBe(3);
  });

  it('locks after `threshold` failures; nothing is handed out until the lock runs out, then the budget is whole again', () => {
    let s = fresh;
    for (let i = 0; i < 3; i++) s = reserveAttempt(s, policy, now)!;
    let locked = false;
    for (let i = 0; i < 3; i++) ({ state: s, locked } = settleFailure(s, policy, now));
    expect(locked).toBe(true);
    expect(isLocked(s, now)).toBe(true);
    expect(s.pendingAttempts).toBe(0);
    expect(reserveAttempt(s, policy, new Date(now.getTime() + 14 * 60_000))).toBeNull();
    const later = new Date(now.getTime() + 15 * 60_000);
    expect(reserveAttempt(s, policy, later)).toMatchObject({
      failedAttempts: 0,
      pendingAttempts: 1,
      lockedUntil: null,
    });
  });

  it('forgets failures after a success, and gives back an attempt that was neither', () => {
    let s = reserveAttempt(fresh, policy, now)!;
    s = settleFailure(s, policy, now).state;
    s = reserveAttempt(s, policy, now)!;
    expect(releaseAttempt(s, now)).toMatchObject({ failedAttempts: 1, pendingAttempts: 0 });
    expect(settleSuccess(s, now)).toMatchObject({ failedAttempts: 0, pendingAttempts: 0, lockedUntil: null });
  });

  it('stops counting reservations older than PENDING_ATTEMPT_MS (their process died)', () => {
    let s = fresh;
    for (let i = 0; i < 3; i++) s = reserveAttempt(s, policy, now)!;
    expect(reserveAttempt(s, policy, now)).toBeNull();
    expect(reserveAttempt(s, policy, new Date(now.getTime() + PENDING_ATTEMPT_MS + 1))).toMatchObject({
      pendingAttempts: 1,
    });
  });
});
