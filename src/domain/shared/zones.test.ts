// The one wall-clock <-> instant implementation (server and web): DST gaps and repeats, and the
// round trips local → instant → local and instant → local → instant as properties over many zones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantToZonedLocal, wallClock, zoneOffsetMs, zonedLocalToInstant, zonedLocalToIso } from './zones.js';

const ZONES = [
  'UTC',
  'Asia/Shanghai',
  'America/New_York',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Brussels',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'America/Santiago',
  'America/St_Johns',
  'Africa/Casablanca',
] as const;

const HOUR = 3_600_000;

describe('zoned wall times', () => {
  it.each([
    [
      'New York, the spring-forward gap: 02:30 is skipped and moves on by the gap',
      '2026-03-08T02:30',
      'America/New_York',
      '2026-03-08T07:30:00.000Z',
    ],
    [
      'New York, the fall-back repeat: 01:30 takes its first (summer-time) occurrence',
      '2026-11-01T01:30',
      'America/New_York',
      '2026-11-01T05:30:00.000Z',
    ],
    ['New York in winter', '2026-01-15T09:30', 'America/New_York', '2026-01-15T14:30:00.000Z'],
    ['New York in summer', '2026-07-15T09:30', 'America/New_York', '2026-07-15T13:30:00.000Z'],
    ['Shanghai, no daylight saving', '2026-05-01T09:30', 'Asia/Shanghai', '2026-05-01T01:30:00.000Z'],
    [
      'Shanghai at midnight across the date line of UTC',
      '2026-01-01T00:00',
      'Asia/Shanghai',
      '2025-12-31T16:00:00.000Z',
    ],
    [
      'seconds and milliseconds of a datetime-local input',
      '2026-05-01T09:30:15.250',
      'Asia/Shanghai',
      '2026-05-01T01:30:15.250Z',
    ],
    [
      'Lord Howe, a 30-minute gap: 02:15 becomes 02:45',
      '2026-10-04T02:15',
      'Australia/Lord_Howe',
      '2026-10-03T15:45:00.000Z',
    ],
  ])('%s', (_name, local, zone, expected) => {
    expect(zonedLocalToIso(local, zone)).toBe(expected);
  });

  it('reads an instant back as the wall time of the zone', () => {
    expect(instantToZonedLocal('2026-03-08T07:30:00Z', 'America/New_York')).toBe('2026-03-08T03:30');
    expect(instantToZonedLocal('2026-11-01T06:30:00Z', 'America/New_York', true)).toBe('2026-11-01T01:30:00');
    expect(instantToZonedLocal('2025-12-31T16:00:00Z', 'Asia/Shanghai')).toBe('2026-01-01T00:00');
    expect(wallClock(Date.parse('2026-06-30T23:59:59Z'), 'UTC')).toEqual({
      year: 2026,
      month: 6,
      day: 30,
      hour: 23,
      minute: 59,
      second: 59,
    });
  });

  it('refuses what is no date and time, and unknown zones', () => {
    for (const bad of [
      '',
      '2026-02-30T08:00',
      '2026-06-01T24:00',
      '2026-06-01T08:61',
      '2026-06-01 08:00',
      '2026-06-01T08:00:60',
      '2026-06-01T08:00Z',
    ]) {
      expect(zonedLocalToInstant(bad, 'UTC')).toBeNull();
    }
    expect(zonedLocalToIso('2026-06-01T08:00', 'Asia/Beijing')).toBeNull();
    expect(zonedLocalToIso('2026-06-01T08:00', '+08:00')).toBeNull();
  });

  const zone = fc.constantFrom(...ZONES);
  // Whole seconds between 1971 and 2099, so every instant has one wall time to the second.
  const instant = fc.integer({ min: 31_536_000, max: 4_102_444_799 }).map((s) => s * 1000);

  it('local → instant → local gives the same wall time, except a time a gap skipped, which moves on by the gap', () => {
    fc.assert(
      fc.property(zone, instant, (z, seed) => {
        // A wall time as someone would type it: taken from some instant, so the calendar is real.
        const local = instantToZonedLocal(seed + 7 * HOUR, z, true);
        const at = zonedLocalToInstant(local, z);
        expect(at).not.toBeNull();
        const back = instantToZonedLocal(at!, z, true);
        if (back === local) return;
        const gap = zoneOffsetMs(at!.getTime() + 86_400_000, z) - zoneOffsetMs(at!.getTime() - 86_400_000, z);
        expect(gap).toBeGreaterThan(0);
        expect(Date.parse(`${back}Z`) - Date.parse(`${local}Z`)).toBe(gap);
      }),
      { numRuns: 2000 },
    );
  });

  it('instant → local → instant gives the instant back, or the first of two instants a fall-back repeat shows alike', () => {
    fc.assert(
      fc.property(zone, instant, (z, t) => {
        const local = instantToZonedLocal(t, z, true);
        const at = zonedLocalToInstant(local, z)!.getTime();
        expect(instantToZonedLocal(at, z, true)).toBe(local);
        expect(at).toBeLessThanOrEqual(t);
        if (at !== t) expect(zoneOffsetMs(at, z)).toBeGreaterThan(zoneOffsetMs(t, z));
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips every minute of the New York transition days', () => {
    for (const day of ['2026-03-08', '2026-11-01']) {
      for (let m = 0; m < 24 * 60; m += 1) {
        const local = `${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const back = instantToZonedLocal(zonedLocalToInstant(local, 'America/New_York')!, 'America/New_York');
        const skipped = day === '2026-03-08' && m >= 120 && m < 180;
        expect(back).toBe(skipped ? `${day}T03:${local.slice(-2)}` : local);
      }
    }
  });
});
