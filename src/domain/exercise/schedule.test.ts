import { describe, expect, it } from 'vitest';
import { exerciseMinutesBetween, plannedAt, scheduleInjects } from './schedule.js';
import type { Inject } from './types.js';

const start = '2026-10-01T08:00:00.000Z';
const info = (id: string, offsetMinutes: number, party = 'cn'): Inject => ({
  id,
  offsetMinutes,
  party,
  kind: 'info',
  title: { en: id, zh: id },
  text: { en: 'x', zh: 'x' },
});

describe('inject schedule', () => {
  it('places each inject at start + offset, compressed by the time scale', () => {
    expect(plannedAt(start, 20, 1)).toBe('2026-10-01T08:20:00.000Z');
    expect(plannedAt(start, 20, 60)).toBe('2026-10-01T08:00:20.000Z');
    expect(plannedAt(start, 0, 60)).toBe(start);
  });

  it('orders injects by offset and keeps the scenario order for ties', () => {
    const plan = scheduleInjects([info('b', 20), info('a', 0), info('c', 20, 'us')], start, 60);
    expect(plan).toEqual([
      { injectId: 'a', party: 'cn', plannedAt: start },
      { injectId: 'b', party: 'cn', plannedAt: '2026-10-01T08:00:20.000Z' },
      { injectId: 'c', party: 'us', plannedAt: '2026-10-01T08:00:20.000Z' },
    ]);
  });

  it('reports real durations in exercise minutes', () => {
    expect(exerciseMinutesBetween(start, '2026-10-01T08:00:09.000Z', 60)).toBe(9);
    expect(exerciseMinutesBetween(start, '2026-10-01T08:09:30.000Z', 1)).toBe(9.5);
  });
});
