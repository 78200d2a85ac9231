import { describe, expect, it } from 'vitest';
import { buildPeriodReport, preservationState, type PeriodFacts, type RequestTiming } from './period-report.js';
import { requestResponseOutcome } from './request-deadlines.js';

const now = new Date('2026-10-05T00:00:00Z');
const period = { label: '2026-Q3', from: '2026-07-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z', timeZone: 'UTC' };
const timing = (over: Partial<RequestTiming>): RequestTiming => ({
  direction: 'incoming',
  counterpart: 'us-demo',
  status: 'fulfilled',
  submittedAt: '2026-07-01T00:00:00.000Z',
  acknowledgedAt: null,
  fulfilledAt: null,
  declinedAt: null,
  ackDueAt: '2026-07-02T00:00:00.000Z',
  responseDueAt: '2026-07-11T00:00:00.000Z',
  ...over,
});

describe('period report', () => {
  it('counts a decline as the answer to the response deadline', () => {
    expect(requestResponseOutcome(timing({ status: 'declined', declinedAt: '2026-07-05T00:00:00.000Z' }), now)).toBe(
      'met',
    );
    expect(requestResponseOutcome(timing({ status: 'in_progress' }), now)).toBe('missed');
    expect(requestResponseOutcome(timing({ status: 'withdrawn' }), now)).toBe('not_applicable');
  });

  it('tells running, expiring and lapsed preservations apart, and drops ended ones', () => {
    const p = {
      reference: 'R',
      direction: 'incoming' as const,
      counterpart: 'us-demo',
      status: 'accepted',
      renewalCount: 0,
    };
    expect(preservationState({ ...p, expiresAt: '2026-12-01T00:00:00.000Z' }, now)).toEqual({
      state: 'active',
      daysLeft: 57,
    });
    expect(preservationState({ ...p, expiresAt: '2026-10-20T00:00:00.000Z' }, now)).toEqual({
      state: 'expiring',
      daysLeft: 15,
    });
    expect(preservationState({ ...p, expiresAt: '2026-10-01T00:00:00.000Z' }, now)).toEqual({
      state: 'expired',
      daysLeft: -4,
    });
    expect(preservationState({ ...p, status: 'closed', expiresAt: '2026-10-01T00:00:00.000Z' }, now)).toBeNull();
  });

  it('keeps incoming and outgoing times apart and adds the exercise section only when given', () => {
    const facts: PeriodFacts = {
      party: 'cn-test',
      peer: null,
      peerNames: {},
      requestCounts: [{ direction: 'incoming', type: 'preservation', status: 'fulfilled', count: 1 }],
      requestTimings: [timing({ acknowledgedAt: '2026-07-01T03:00:00.000Z', fulfilledAt: '2026-07-03T00:00:00.000Z' })],
      callCounts: [],
      callTimings: [],
      caseCounts: [],
      caseTotal: 0,
      preservations: [],
    };
    const doc = buildPeriodReport(facts, period, now);
    const times = doc.tables.find((t) => t.id === 'request_times')!.rows;
    expect(times).toEqual([
      ['outgoing', 'time_to_acknowledge', 0, null, null, null],
      ['outgoing', 'time_to_fulfil', 0, null, null, null],
      ['incoming', 'time_to_acknowledge', 1, 3 * 3_600_000, 3 * 3_600_000, 3 * 3_600_000],
      ['incoming', 'time_to_fulfil', 1, 48 * 3_600_000, 48 * 3_600_000, 48 * 3_600_000],
    ]);
    expect(doc.tables.map((t) => t.id)).not.toContain('exercises');
    const withEx = buildPeriodReport(
      {
        ...facts,
        exercises: [
          {
            exercise: 'Ransomware drill',
            startedAt: '2026-08-01T00:00:00.000Z',
            party: 'us-demo',
            score: 80,
            injects: 2,
            met: 1,
            missed: 1,
          },
        ],
      },
      period,
      now,
    );
    expect(withEx.tables.at(-1)).toMatchObject({
      id: 'exercises',
      rows: [['Ransomware drill', '2026-08-01T00:00:00.000Z', 'us-demo', 80, 2, 1, 1]],
    });
  });
});
