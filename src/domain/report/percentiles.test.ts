import { describe, expect, it } from 'vitest';
import { percentile, spanMs, summarizeDurations } from './percentiles.js';

describe('percentiles', () => {
  it('uses the nearest rank, so each percentile is a real observed value', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(ten, 0.5)).toBe(5);
    expect(percentile(ten, 0.9)).toBe(9);
    expect(percentile(ten, 0.95)).toBe(10);
    expect(percentile([42], 0.5)).toBe(42);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('summarises unsorted durations', () => {
    expect(summarizeDurations([30, 10, 20])).toEqual({ count: 3, p50Ms: 20, p90Ms: 30, p95Ms: 30 });
    expect(summarizeDurations([])).toEqual({ count: 0, p50Ms: null, p90Ms: null, p95Ms: null });
  });

  it('measures spans and clamps clock skew to zero', () => {
    expect(spanMs('2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z')).toBe(3_600_000);
    expect(spanMs('2026-01-01T01:00:00Z', '2026-01-01T00:59:00Z')).toBe(0);
    expect(spanMs(null, '2026-01-01T00:00:00Z')).toBeNull();
  });
});
