import { describe, expect, it } from 'vitest';
import { refusalBlockMs, spendRefusals } from './refusal-budget.js';

const policy = { perMinute: 600 }; // 10 per second

describe('inbox refusal budget', () => {
  it('starts full and blocks once spent, until a refusal has been refilled', () => {
    const a = spendRefusals(undefined, policy, 599, 0);
    expect(a.blockMs).toBe(0);
    const b = spendRefusals(a.state, policy, 1, 0);
    expect(b.state.tokens).toBe(0);
    expect(b.blockMs).toBe(100);
    expect(refusalBlockMs(b.state, policy, 50)).toBe(50);
    expect(refusalBlockMs(b.state, policy, 100)).toBe(0);
  });

  it('lets one batch overdraw, but never by more than a minute of refusals', () => {
    const big = spendRefusals(undefined, policy, 5000, 0);
    expect(big.state.tokens).toBe(-600);
    expect(big.blockMs).toBe(60_100);
    expect(refusalBlockMs(big.state, policy, 60_100)).toBe(0);
  });

  it('refills evenly and never beyond one minute of refusals', () => {
    const spent = spendRefusals(undefined, policy, 600, 0);
    expect(refusalBlockMs(spent.state, policy, 10_000)).toBe(0);
    expect(spendRefusals(spent.state, policy, 0, 3_600_000).state.tokens).toBe(600);
  });
});
