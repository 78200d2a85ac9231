import { describe, expect, it } from 'vitest';
import { responseDueSoon } from './due-soon.js';
import type { RequestRecord } from './types.js';

const HOUR = 3_600_000;
const record = (over: Partial<RequestRecord> = {}, clocks: Partial<RequestRecord['clocks']> = {}): RequestRecord =>
  ({
    requestedParty: 'cn-mps',
    requestingParty: 'us-fbi',
    status: 'accepted',
    clocks: {
      responseDueAt: '2026-03-05T10:00:00.000Z',
      responseClockStartAt: '2026-03-02T10:00:00.000Z',
      pausedAt: null,
      ...clocks,
    },
    ...over,
  }) as unknown as RequestRecord;

describe('response due within N hours', () => {
  const due = Date.parse('2026-03-05T10:00:00.000Z');
  it('is due from N hours before the deadline until it passes, keyed by the deadline', () => {
    expect(responseDueSoon(record(), 'cn-mps', 4, new Date(due - 4 * HOUR - 1))).toBeNull();
    expect(responseDueSoon(record(), 'cn-mps', 4, new Date(due - 4 * HOUR))).toEqual({
      key: 'response_due_soon@2026-03-05T10:00:00.000Z',
      dueAt: '2026-03-05T10:00:00.000Z',
      hoursLeft: 4,
    });
    expect(responseDueSoon(record(), 'cn-mps', 4, new Date(due - 30 * 60_000))?.hoursLeft).toBe(1);
    expect(responseDueSoon(record(), 'cn-mps', 4, new Date(due))).toBeNull();
  });
  it('only for the side that owes the response, with the clock running', () => {
    const at = new Date(due - HOUR);
    expect(responseDueSoon(record(), 'us-fbi', 4, at)).toBeNull();
    expect(responseDueSoon(record({ status: 'fulfilled' } as Partial<RequestRecord>), 'cn-mps', 4, at)).toBeNull();
    expect(responseDueSoon(record({}, { pausedAt: '2026-03-04T10:00:00.000Z' }), 'cn-mps', 4, at)).toBeNull();
    expect(responseDueSoon(record({}, { responseDueAt: null }), 'cn-mps', 4, at)).toBeNull();
  });
});
