import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { HOUR_MS } from '../shared/time.js';
import type { Shift, ShiftInput } from './roster.js';
import {
  contactsForLevel,
  findCoverageGaps,
  isOnShift,
  requireValidShift,
  validateShift,
  whoIsOnDuty,
} from './roster.js';
import { describeShift, shiftFromLocalTimes } from './roster-display.js';
import { isValidTimeZone, zoneOffsetMs, zonedLocalToInstant } from '../shared/zones.js';

const at = (s: string) => new Date(s);

function shift(id: string, role: Shift['role'], start: string, end: string, timeZone = 'UTC', userId = id): Shift {
  return { id, userId, role, start, end, timeZone };
}

// Beijing day shift 08:00–20:00 CST = 00:00–12:00Z; New York night shift 20:00–08:00 EDT = 00:00–12:00Z.
const roster: Shift[] = [
  shift('cn-day', 'duty_officer', '2025-06-01T00:00:00.000Z', '2025-06-01T12:00:00.000Z', 'Asia/Shanghai'),
  shift('cn-night', 'duty_officer', '2025-06-01T12:00:00.000Z', '2025-06-02T00:00:00.000Z', 'Asia/Shanghai'),
  shift('ny-deputy', 'deputy', '2025-06-01T00:00:00.000Z', '2025-06-01T12:00:00.000Z', 'America/New_York'),
  shift('sup-week', 'supervisor', '2025-05-26T00:00:00.000Z', '2025-06-02T00:00:00.000Z', 'Asia/Shanghai'),
];

describe('whoIsOnDuty', () => {
  it('finds each rung’s officers at an instant, whatever zone they planned in', () => {
    const duty = whoIsOnDuty(roster, at('2025-06-01T06:00:00.000Z'));
    expect(duty.duty_officer.map((s) => s.id)).toEqual(['cn-day']);
    expect(duty.deputy.map((s) => s.id)).toEqual(['ny-deputy']);
    expect(duty.supervisor.map((s) => s.id)).toEqual(['sup-week']);
  });

  it('treats shifts as [start, end): the hand-over instant belongs to the next shift', () => {
    const duty = whoIsOnDuty(roster, at('2025-06-01T12:00:00.000Z'));
    expect(duty.duty_officer.map((s) => s.id)).toEqual(['cn-night']);
    expect(duty.deputy).toEqual([]);
    expect(isOnShift(roster[0]!, at('2025-06-01T11:59:59.999Z'))).toBe(true);
  });

  it('lists overlapping officers earliest start first', () => {
    const overlap = [
      ...roster,
      shift('handover', 'duty_officer', '2025-06-01T11:30:00.000Z', '2025-06-01T13:00:00.000Z'),
    ];
    expect(whoIsOnDuty(overlap, at('2025-06-01T11:45:00.000Z')).duty_officer.map((s) => s.id)).toEqual([
      'cn-day',
      'handover',
    ]);
  });

  it('is empty outside every shift', () => {
    const duty = whoIsOnDuty(roster, at('2025-07-01T00:00:00.000Z'));
    expect(duty).toEqual({ duty_officer: [], deputy: [], supervisor: [] });
  });

  it('finds the officer on a New York night shift across the spring-forward change', () => {
    const night = shiftFromLocalTimes({
      userId: 'u',
      role: 'duty_officer',
      timeZone: 'America/New_York',
      localStart: '2025-03-08T20:00',
      localEnd: '2025-03-09T08:00',
    })!;
    const ny: Shift = { id: 'n', ...night };
    expect(night.start).toBe('2025-03-09T01:00:00.000Z');
    expect(night.end).toBe('2025-03-09T12:00:00.000Z');
    expect(whoIsOnDuty([ny], at('2025-03-09T11:30:00.000Z')).duty_officer).toHaveLength(1); // 07:30 EDT
    expect(whoIsOnDuty([ny], at('2025-03-09T12:30:00.000Z')).duty_officer).toHaveLength(0); // 08:30 EDT
  });
});

describe('contactsForLevel', () => {
  const now = at('2025-06-01T13:00:00.000Z');
  it('returns the rung asked for when staffed', () => {
    expect(contactsForLevel(roster, 0, now)).toMatchObject({
      level: 0,
      role: 'duty_officer',
      shifts: [{ id: 'cn-night' }],
    });
  });
  it('climbs to the next staffed rung when the asked one is empty', () => {
    expect(contactsForLevel(roster, 1, now)).toMatchObject({
      level: 2,
      role: 'supervisor',
      shifts: [{ id: 'sup-week' }],
    });
  });
  it('reports nobody when the whole ladder above is empty', () => {
    expect(contactsForLevel(roster, 1, at('2025-07-01T00:00:00.000Z'))).toEqual({
      level: 1,
      role: 'deputy',
      shifts: [],
    });
  });
});

describe('validateShift', () => {
  const good: ShiftInput = {
    userId: 'u1',
    role: 'duty_officer',
    start: '2025-06-03T00:00:00.000Z',
    end: '2025-06-03T12:00:00.000Z',
    timeZone: 'Asia/Shanghai',
  };
  const codes = (s: ShiftInput, others: Shift[] = []) => {
    const v = validateShift(s, others);
    return { issues: v.issues.map((i) => i.code), warnings: v.warnings.map((i) => i.code) };
  };

  it('accepts a normal shift', () => {
    expect(codes(good)).toEqual({ issues: [], warnings: [] });
  });

  it.each<[string, Partial<ShiftInput>, string]>([
    ['no officer', { userId: ' ' }, 'required'],
    ['unknown role', { role: 'janitor' as never }, 'invalid_role'],
    ['unknown zone', { timeZone: 'Asia/Atlantis' }, 'invalid_time_zone'],
    ['bad start', { start: 'tomorrow' }, 'invalid_instant'],
    ['bad end', { end: '2025-13-45T00:00:00Z' }, 'invalid_instant'],
    ['end before start', { end: '2025-06-02T23:00:00.000Z' }, 'end_before_start'],
    ['zero length', { end: good.start }, 'end_before_start'],
    ['longer than a week', { end: '2025-06-10T00:00:01.000Z' }, 'too_long'],
  ])('refuses %s', (_n, over, code) => {
    expect(codes({ ...good, ...over }).issues).toEqual([code]);
  });

  it('warns about a shift longer than 24 hours', () => {
    expect(codes({ ...good, end: '2025-06-04T12:00:00.000Z' })).toEqual({ issues: [], warnings: ['long_shift'] });
  });

  it('warns about overlap on the same rung and for the same officer, not across rungs', () => {
    const other = (role: Shift['role'], userId: string) =>
      shift('o', role, '2025-06-03T11:00:00.000Z', '2025-06-03T13:00:00.000Z', 'UTC', userId);
    expect(codes(good, [other('duty_officer', 'u2')]).warnings).toEqual(['overlap_same_level']);
    expect(codes(good, [other('supervisor', 'u1')]).warnings).toEqual(['overlap_same_user']);
    expect(codes(good, [other('deputy', 'u2')]).warnings).toEqual([]);
  });

  it('does not count touching shifts or the shift itself as overlap', () => {
    const next = shift('n', 'duty_officer', good.end, '2025-06-03T23:00:00.000Z', 'UTC', 'u2');
    expect(codes(good, [next]).warnings).toEqual([]);
    const self = shift('s1', 'duty_officer', good.start, good.end, 'UTC', 'u1');
    expect(codes({ ...good, id: 's1' }, [self]).warnings).toEqual([]);
  });

  it('requireValidShift throws CALL_SHIFT_INVALID with issues, else returns warnings', () => {
    expect(() => requireValidShift({ ...good, end: good.start })).toThrow(AppError);
    try {
      requireValidShift({ ...good, end: good.start });
    } catch (e) {
      expect((e as AppError).code).toBe('CALL_SHIFT_INVALID');
      expect((e as AppError).issues?.[0]?.message.zh).toContain('结束时间');
    }
    expect(requireValidShift({ ...good, end: '2025-06-04T12:00:00.000Z' }).map((w) => w.code)).toEqual(['long_shift']);
  });
});

describe('findCoverageGaps', () => {
  it('lists uncovered stretches of a window', () => {
    const gaps = findCoverageGaps(roster, 'deputy', at('2025-05-31T22:00:00.000Z'), at('2025-06-01T14:00:00.000Z'));
    expect(gaps).toEqual([
      { start: '2025-05-31T22:00:00.000Z', end: '2025-06-01T00:00:00.000Z' },
      { start: '2025-06-01T12:00:00.000Z', end: '2025-06-01T14:00:00.000Z' },
    ]);
  });
  it('merges overlapping shifts and reports none when covered', () => {
    expect(
      findCoverageGaps(roster, 'duty_officer', at('2025-06-01T00:00:00.000Z'), at('2025-06-02T00:00:00.000Z')),
    ).toEqual([]);
  });
  it('reports the whole window for an unstaffed rung', () => {
    expect(
      findCoverageGaps([], 'supervisor', at('2025-06-01T00:00:00.000Z'), at('2025-06-01T01:00:00.000Z')),
    ).toHaveLength(1);
  });
});

describe('time zones and DST', () => {
  it.each([
    [
      'a spring-forward gap moves forward (New York)',
      '2025-03-09T02:30',
      'America/New_York',
      '2025-03-09T07:30:00.000Z',
    ],
    ['just before the gap', '2025-03-09T01:30', 'America/New_York', '2025-03-09T06:30:00.000Z'],
    [
      'a fall-back repeat takes the first occurrence (New York)',
      '2025-11-02T01:30',
      'America/New_York',
      '2025-11-02T05:30:00.000Z',
    ],
    ['a gap in London', '2025-03-30T01:30', 'Europe/London', '2025-03-30T01:30:00.000Z'],
    ['a repeat in London', '2025-10-26T01:30', 'Europe/London', '2025-10-26T00:30:00.000Z'],
    ['southern-hemisphere gap (Sydney)', '2024-10-06T02:30', 'Australia/Sydney', '2024-10-05T16:30:00.000Z'],
    ['Beijing has no DST', '2025-06-01T08:00', 'Asia/Shanghai', '2025-06-01T00:00:00.000Z'],
    ['seconds are kept', '2025-06-01T08:00:30', 'UTC', '2025-06-01T08:00:30.000Z'],
  ])('%s', (_n, local, zone, expected) => {
    expect(zonedLocalToInstant(local, zone)?.toISOString()).toBe(expected);
  });

  it.each([
    ['2025-02-30T08:00', 'UTC'],
    ['2025-06-01T24:00', 'UTC'],
    ['2025-06-01T08:61', 'UTC'],
    ['2025-06-01 08:00', 'UTC'],
    ['2025-06-01T08:00', 'Nowhere/City'],
  ])('rejects %s in %s', (local, zone) => {
    expect(zonedLocalToInstant(local, zone)).toBeNull();
  });

  it('reads offsets, including half hours', () => {
    expect(zoneOffsetMs('2025-06-01T00:00:00Z', 'America/New_York')).toBe(-4 * HOUR_MS);
    expect(zoneOffsetMs('2025-01-01T00:00:00Z', 'America/New_York')).toBe(-5 * HOUR_MS);
    expect(zoneOffsetMs('2025-06-01T00:00:00.500Z', 'Asia/Kolkata')).toBe(5.5 * HOUR_MS);
  });

  it('knows valid zones', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Asia/Beijing')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(8)).toBe(false);
  });

  it('a 20:00–08:00 night shift lasts 11 h at spring-forward and 13 h at fall-back', () => {
    const night = (d1: string, d2: string) =>
      shiftFromLocalTimes({
        userId: 'u',
        role: 'deputy',
        timeZone: 'America/New_York',
        localStart: `${d1}T20:00`,
        localEnd: `${d2}T08:00`,
      })!;
    const spring = describeShift({ id: 'a', ...night('2025-03-08', '2025-03-09') }, 'Asia/Shanghai');
    const fall = describeShift({ id: 'b', ...night('2025-11-01', '2025-11-02') }, 'Asia/Shanghai');
    expect(spring.durationMs).toBe(11 * HOUR_MS);
    expect(fall.durationMs).toBe(13 * HOUR_MS);
    expect(spring.crossesOffsetChange).toBe(true);
    expect(describeShift({ id: 'c', ...night('2025-06-01', '2025-06-02') }, 'UTC').crossesOffsetChange).toBe(false);
  });

  it('shows a shift in its own zone and in the viewer’s zone', () => {
    const s = shift('x', 'duty_officer', '2025-03-09T01:00:00.000Z', '2025-03-09T12:00:00.000Z', 'America/New_York');
    const d = describeShift(s, 'Asia/Shanghai');
    expect(d.shiftZone).toEqual({
      timeZone: 'America/New_York',
      start: '08/03/2025, 20:00 GMT-5',
      end: '09/03/2025, 08:00 GMT-4',
    });
    expect(d.viewerZone).toEqual({
      timeZone: 'Asia/Shanghai',
      start: '09/03/2025, 09:00 GMT+8',
      end: '09/03/2025, 20:00 GMT+8',
    });
    expect(describeShift(s, 'Asia/Shanghai', 'zh-CN').viewerZone.start).toContain('09:00');
  });

  it('shiftFromLocalTimes returns null for malformed input', () => {
    expect(
      shiftFromLocalTimes({
        userId: 'u',
        role: 'deputy',
        timeZone: 'UTC',
        localStart: 'soon',
        localEnd: '2025-01-01T00:00',
      }),
    ).toBeNull();
  });
});
