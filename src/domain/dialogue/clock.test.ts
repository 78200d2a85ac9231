import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../shared/time.js';
import { dueInstant, evaluateActionItem, isCalendarDate } from './clock.js';

describe('due dates', () => {
  it('recognises real calendar dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-7-1')).toBe(false);
    expect(isCalendarDate(20250701)).toBe(false);
  });

  it('ends a due day when it has ended everywhere (UTC−12)', () => {
    expect(dueInstant('2025-07-31').toISOString()).toBe('2025-08-01T12:00:00.000Z');
  });
});

describe('evaluateActionItem', () => {
  const item = { status: 'open' as const, dueDate: '2025-07-31' };

  it('is not overdue while the due day still runs somewhere (Beijing is already on 1 August)', () => {
    const e = evaluateActionItem(item, new Date('2025-08-01T11:59:59.999Z'));
    expect(e).toMatchObject({
      isOpen: true,
      isOverdue: false,
      isDueSoon: true,
      msUntilDue: 1,
      daysOverdue: 0,
      dueAt: '2025-08-01T12:00:00.000Z',
    });
  });

  it('is overdue from the end of the day anywhere on Earth, counting whole days', () => {
    expect(evaluateActionItem(item, new Date('2025-08-01T12:00:00.000Z'))).toMatchObject({
      isOverdue: true,
      daysOverdue: 0,
      isDueSoon: false,
    });
    expect(evaluateActionItem(item, new Date('2025-08-04T13:00:00.000Z'))).toMatchObject({
      isOverdue: true,
      daysOverdue: 3,
    });
    expect(evaluateActionItem({ ...item, status: 'in_progress' }, new Date('2025-09-01T00:00:00Z')).isOverdue).toBe(
      true,
    );
  });

  it('is due soon within the window, 7 days by default, adjustable', () => {
    const now = new Date(dueInstant('2025-07-31').getTime() - 10 * DAY_MS);
    expect(evaluateActionItem(item, now).isDueSoon).toBe(false);
    expect(evaluateActionItem(item, now, { dueSoonDays: 14 }).isDueSoon).toBe(true);
  });

  it.each(['done', 'dropped'] as const)('a %s item is never overdue', (status) => {
    expect(evaluateActionItem({ status, dueDate: '2020-01-01' }, new Date('2025-01-01T00:00:00Z'))).toMatchObject({
      isOpen: false,
      isOverdue: false,
      isDueSoon: false,
      msUntilDue: null,
      daysOverdue: 0,
    });
  });
});
