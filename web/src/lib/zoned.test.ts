// Wall-clock times in named zones, across daylight-saving changes, and durations in both languages.
import { describe, expect, it } from 'vitest';
import { formatDuration } from './format';
import { isoToZonedLocal, zonedLocalToIso } from './zoned';

describe('zoned wall-clock times', () => {
  it('reads a wall time in the named zone, not the browser one', () => {
    expect(zonedLocalToIso('2026-05-01T09:30', 'Asia/Shanghai')).toBe('2026-05-01T01:30:00.000Z');
    expect(zonedLocalToIso('2026-01-15T09:30', 'America/New_York')).toBe('2026-01-15T14:30:00.000Z');
    expect(zonedLocalToIso('2026-07-15T09:30', 'America/New_York')).toBe('2026-07-15T13:30:00.000Z');
    expect(zonedLocalToIso('', 'UTC')).toBeNull();
  });

  it('round-trips for editing', () => {
    expect(isoToZonedLocal('2026-03-08T07:30:00Z', 'America/New_York')).toBe('2026-03-08T03:30');
    expect(zonedLocalToIso(isoToZonedLocal('2026-11-26T15:00:00Z', 'Europe/Brussels'), 'Europe/Brussels')).toBe('2026-11-26T15:00:00.000Z');
  });
});

describe('durations', () => {
  it('shows the two most significant units', () => {
    expect(formatDuration(3 * 3_600_000 + 12 * 60_000 + 5_000, 'en')).toBe('3 h 12 min');
    expect(formatDuration(4 * 60_000 + 30_000, 'zh-CN')).toBe('4分30秒');
    expect(formatDuration(2 * 86_400_000, 'en')).toBe('2 d');
    expect(formatDuration(0, 'en')).toBe('0 s');
  });
});
