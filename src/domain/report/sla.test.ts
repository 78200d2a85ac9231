import { describe, expect, it } from 'vitest';
import { deadlineOutcome, summarizeSla } from './sla.js';

const now = new Date('2026-07-10T00:00:00Z');
const due = '2026-07-05T00:00:00.000Z';

describe('SLA rules', () => {
  it('counts a deadline met when done at or before it, missed when later', () => {
    expect(deadlineOutcome({ dueAt: due, doneAt: '2026-07-05T00:00:00.000Z', isOpen: false }, now)).toBe('met');
    expect(deadlineOutcome({ dueAt: due, doneAt: '2026-07-05T00:00:00.001Z', isOpen: false }, now)).toBe('missed');
  });

  it('counts an open record past its deadline as missed, before it as pending', () => {
    expect(deadlineOutcome({ dueAt: due, doneAt: null, isOpen: true }, now)).toBe('missed');
    expect(deadlineOutcome({ dueAt: '2026-07-20T00:00:00Z', doneAt: null, isOpen: true }, now)).toBe('pending');
  });

  it('ignores records without a deadline or that stopped waiting', () => {
    expect(deadlineOutcome({ dueAt: null, doneAt: null, isOpen: true }, now)).toBe('not_applicable');
    expect(deadlineOutcome({ dueAt: due, doneAt: null, isOpen: false }, now)).toBe('not_applicable');
  });

  it('rates compliance over decided deadlines only', () => {
    expect(summarizeSla(['met', 'met', 'missed', 'pending', 'not_applicable'])).toEqual({
      met: 2,
      missed: 1,
      pending: 1,
      total: 4,
      rate: 2 / 3,
    });
    expect(summarizeSla(['pending']).rate).toBeNull();
  });
});
