// The per-client sign-in throttles: the address bucket gives back a success's token, and the
// (address, user name) backoff doubles past the free failures, up to a day, and is forgotten later.
import { describe, expect, it } from 'vitest';
import {
  afterBackoffFailure,
  backoffWaitMs,
  LOGIN_ADDRESS_POLICY,
  loginBackoffPolicy,
  returnAddressToken,
  takeAddressToken,
  type BackoffState,
} from './login-throttle.js';

const policy = loginBackoffPolicy(5);
const MIN = 60_000;

describe('sign-in backoff per address and user name', () => {
  it('lets the first lockoutThreshold failures through at once, then doubles the wait from a minute', () => {
    let s: BackoffState | undefined;
    const t0 = 1_000_000_000_000;
    for (let i = 0; i < 5; i++) {
      expect(backoffWaitMs(s, policy, t0)).toBe(0);
      s = afterBackoffFailure(s, policy, t0);
    }
    const waits: number[] = [];
    let at = t0;
    for (let i = 0; i < 6; i++) {
      const wait = backoffWaitMs(s, policy, at);
      waits.push(wait / MIN);
      at += wait;
      s = afterBackoffFailure(s, policy, at);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32]);
  });

  it('never waits more than a day, and forgets a day after the last failure', () => {
    const s: BackoffState = { failures: 40, lastFailureAt: 0 };
    expect(backoffWaitMs(s, policy, 0)).toBe(24 * 60 * MIN);
    expect(backoffWaitMs(s, policy, 24 * 60 * MIN)).toBe(0);
    expect(afterBackoffFailure(s, policy, 24 * 60 * MIN).failures).toBe(1);
  });
});

describe('failure bucket per address', () => {
  it('refuses past its capacity with the seconds to wait, and takes back a success’s token', () => {
    let state = { tokens: LOGIN_ADDRESS_POLICY.capacity, at: 0 };
    for (let i = 0; i < LOGIN_ADDRESS_POLICY.capacity; i++) state = takeAddressToken(state, 0).state;
    const refused = takeAddressToken(state, 0);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(180);
    expect(takeAddressToken(returnAddressToken(state, 0), 0).allowed).toBe(true);
    expect(returnAddressToken({ tokens: LOGIN_ADDRESS_POLICY.capacity, at: 0 }, 0).tokens).toBe(
      LOGIN_ADDRESS_POLICY.capacity,
    );
  });
});
