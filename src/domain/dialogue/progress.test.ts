import { describe, expect, it } from 'vitest';
import { summarizeMeetingProgress } from './progress.js';
import { CN, US, itemIn, meetingIn } from './test-fixtures.js';

const NOW = new Date('2025-09-01T00:00:00.000Z');

describe('summarizeMeetingProgress', () => {
  const items = [
    itemIn('done', { id: '1' }),
    itemIn('open', { id: '2', dueDate: '2025-08-01' }), // overdue
    itemIn('in_progress', { id: '3', ownerParty: CN, dueDate: '2025-12-31' }),
    itemIn('dropped', { id: '4', ownerParty: CN }),
    itemIn('in_progress', { id: '5', ownerParty: CN, dueDate: '2025-08-15' }), // overdue
    itemIn('open', { id: 'x', meetingId: 'other' }), // another meeting: ignored
  ];

  it('counts statuses and overdue items, ignoring other meetings', () => {
    const p = summarizeMeetingProgress(meetingIn('minutes_agreed'), items, NOW);
    expect(p).toMatchObject({ meetingId: 'm1', total: 5, done: 1, dropped: 1, open: 1, inProgress: 2, overdue: 2 });
  });

  it('measures completion without dropped items', () => {
    expect(summarizeMeetingProgress(meetingIn('held'), items, NOW).completionRate).toBe(0.25);
  });

  it('breaks progress down by owning party, listing parties with no items too', () => {
    const p = summarizeMeetingProgress(meetingIn('held'), items, NOW);
    expect(p.byParty[US]).toEqual({ total: 2, done: 1, dropped: 0, open: 1, inProgress: 0, overdue: 1 });
    expect(p.byParty[CN]).toEqual({ total: 3, done: 0, dropped: 1, open: 0, inProgress: 2, overdue: 1 });
    expect(summarizeMeetingProgress(meetingIn('held'), [], NOW).byParty).toEqual({
      [CN]: { total: 0, done: 0, dropped: 0, open: 0, inProgress: 0, overdue: 0 },
      [US]: { total: 0, done: 0, dropped: 0, open: 0, inProgress: 0, overdue: 0 },
    });
  });

  it('has no completion rate when nothing is left to measure', () => {
    expect(summarizeMeetingProgress(meetingIn('held'), [], NOW).completionRate).toBeNull();
    expect(summarizeMeetingProgress(meetingIn('held'), [itemIn('dropped')], NOW).completionRate).toBeNull();
  });
});
