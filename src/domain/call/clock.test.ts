import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS, addMs } from '../shared/time.js';
import { ackPeriodMs, computeAckDueAt, dueCallEvents, escalationKey, evaluateCall } from './clock.js';
import { T0, callIn, placedCall } from './test-fixtures.js';

describe('acknowledgement periods', () => {
  it.each([
    ['emergency', 15 * MINUTE_MS],
    ['urgent', 2 * HOUR_MS],
    ['routine', 24 * HOUR_MS],
  ] as const)('defaults %s to docs/spec.md §3.1', (urgency, ms) => {
    expect(ackPeriodMs(urgency)).toBe(ms);
    expect(ackPeriodMs(urgency, null)).toBe(ms);
  });

  it('uses the period agreed with the peer and keeps defaults for the rest', () => {
    const agreement = { ackMinutes: { emergency: 10 } };
    expect(ackPeriodMs('emergency', agreement)).toBe(10 * MINUTE_MS);
    expect(ackPeriodMs('urgent', agreement)).toBe(2 * HOUR_MS);
  });

  it('ignores a zero, negative or non-finite agreed period', () => {
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(ackPeriodMs('urgent', { ackMinutes: { urgent: bad } })).toBe(2 * HOUR_MS);
    }
  });

  it('sets the deadline from the placing time', () => {
    expect(computeAckDueAt(T0, 15 * MINUTE_MS)).toBe('2025-06-01T10:15:00.000Z');
    expect(placedCall({ urgency: 'urgent' }).ackDueAt).toBe('2025-06-01T12:00:00.000Z');
  });
});

describe('evaluateCall and the escalation ladder', () => {
  const call = placedCall(); // emergency: due 10:15, deputy after 10:15, supervisor after 10:30
  const at = (min: number, ms = 0) => new Date(T0.getTime() + min * MINUTE_MS + ms);

  it('is on time and at the duty officer before the deadline, and prominent as an emergency', () => {
    const e = evaluateCall(call, at(5));
    expect(e).toMatchObject({
      isAwaitingAck: true,
      isOverdue: false,
      overdueByMs: 0,
      escalationLevel: 0,
      escalationRole: 'duty_officer',
      nextEscalationAt: '2025-06-01T10:15:00.000Z',
      isProminent: true,
      timeToAcknowledgeMs: null,
      acknowledgedLate: null,
    });
  });

  it('is still on time exactly at the deadline', () => {
    expect(evaluateCall(call, at(15)).isOverdue).toBe(false);
    expect(evaluateCall(call, at(15)).escalationLevel).toBe(0);
  });

  it('goes to the deputy one millisecond after the deadline', () => {
    const e = evaluateCall(call, at(15, 1));
    expect(e).toMatchObject({ isOverdue: true, overdueByMs: 1, escalationLevel: 1, escalationRole: 'deputy' });
    expect(e.nextEscalationAt).toBe('2025-06-01T10:30:00.000Z');
  });

  it('goes to the supervisor after one more full period and stays there', () => {
    expect(evaluateCall(call, at(30)).escalationLevel).toBe(1);
    expect(evaluateCall(call, at(30, 1))).toMatchObject({
      escalationLevel: 2,
      escalationRole: 'supervisor',
      nextEscalationAt: null,
    });
    expect(evaluateCall(call, at(600)).escalationLevel).toBe(2);
  });

  it('uses the agreed period as the ladder step', () => {
    const routine = placedCall({ urgency: 'routine' });
    expect(evaluateCall(routine, addMs(T0, 24 * HOUR_MS + 1)).escalationLevel).toBe(1);
    expect(evaluateCall(routine, addMs(T0, 48 * HOUR_MS + 1)).escalationLevel).toBe(2);
  });

  it('shows the stored level when a person escalated early', () => {
    const e = evaluateCall({ ...call, escalationLevel: 2 }, at(1));
    expect(e).toMatchObject({
      dueEscalationLevel: 0,
      escalationLevel: 2,
      escalationRole: 'supervisor',
      nextEscalationAt: null,
    });
  });

  it('routine calls are not prominent until overdue', () => {
    const routine = placedCall({ urgency: 'routine' });
    expect(evaluateCall(routine, at(60)).isProminent).toBe(false);
    expect(evaluateCall(routine, addMs(T0, 25 * HOUR_MS)).isProminent).toBe(true);
  });

  it('stops the clock once acknowledged and measures time to acknowledge', () => {
    const acked = callIn('acknowledged', { acknowledgedAt: '2025-06-01T10:20:00.000Z', acknowledgedBy: 'x' });
    const e = evaluateCall(acked, at(120));
    expect(e).toMatchObject({
      isAwaitingAck: false,
      isOverdue: false,
      dueEscalationLevel: 0,
      isProminent: false,
      nextEscalationAt: null,
      timeToAcknowledgeMs: 20 * MINUTE_MS,
      acknowledgedLate: true,
    });
    const onTime = callIn('answered', { acknowledgedAt: '2025-06-01T10:14:00.000Z' });
    expect(evaluateCall(onTime, at(120)).acknowledgedLate).toBe(false);
  });

  it.each(['cancelled', 'closed'] as const)('a %s call is never overdue', (status) => {
    expect(evaluateCall(callIn(status), at(600))).toMatchObject({ isOverdue: false, escalationLevel: 0 });
  });
});

describe('dueCallEvents', () => {
  const call = placedCall();
  const at = (min: number) => new Date(T0.getTime() + min * MINUTE_MS);

  it('returns nothing before the deadline', () => {
    expect(dueCallEvents(call, at(15))).toEqual([]);
  });

  it('returns the deputy rung once the deadline passed, stamped at the deadline', () => {
    const events = dueCallEvents(call, at(16));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'call.escalated',
      at: '2025-06-01T10:15:00.000Z',
      data: { callId: 'call-1', level: 1, role: 'deputy', key: 'escalation:1', originParty: call.toParty },
    });
  });

  it('returns both rungs in order after a long outage', () => {
    expect(dueCallEvents(call, at(45)).map((e) => e.data.level)).toEqual([1, 2]);
  });

  it('does not repeat rungs already fired or already stored on the record', () => {
    expect(dueCallEvents(call, at(45), [escalationKey(1)]).map((e) => e.data.level)).toEqual([2]);
    expect(dueCallEvents({ ...call, escalationLevel: 1 }, at(45)).map((e) => e.data.level)).toEqual([2]);
    expect(dueCallEvents(call, at(45), ['escalation:1', 'escalation:2'])).toEqual([]);
    expect(dueCallEvents({ ...call, escalationLevel: 2 }, at(45))).toEqual([]);
  });

  it('is pure: a restarted worker computes the same events', () => {
    expect(dueCallEvents(call, at(45))).toEqual(dueCallEvents(call, at(45)));
  });

  it.each(['acknowledged', 'answered', 'closed', 'cancelled'] as const)('returns nothing for a %s call', (status) => {
    expect(dueCallEvents(callIn(status), at(600))).toEqual([]);
  });
});
