// The retry delay grows exponentially, never exceeds the cap, and is jittered over the whole range.
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.js';

describe('retryDelayMs', () => {
  it('doubles the upper bound per failure up to the cap', () => {
    const top = (n: number) => retryDelayMs(n, 500, 60_000, () => 0.999999);
    expect(top(1)).toBe(499);
    expect(top(2)).toBe(999);
    expect(top(4)).toBe(3999);
    expect(top(20)).toBe(59_999);
    expect(top(1000)).toBe(59_999);
  });
  it('uses full jitter: anywhere from 0 to the bound', () => {
    expect(retryDelayMs(5, 500, 60_000, () => 0)).toBe(0);
    const samples = Array.from({ length: 200 }, () => retryDelayMs(3, 500, 60_000));
    expect(Math.max(...samples)).toBeLessThan(2000);
    expect(new Set(samples).size).toBeGreaterThan(50);
  });
});
