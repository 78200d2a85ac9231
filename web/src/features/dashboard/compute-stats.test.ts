// Dashboard figures from request and call lists: distributions, SLA per peer, expiries, hotline.
import { describe, expect, it } from 'vitest';
import type { CallView, RequestView } from '../../api/types';
import { computeDashboard, histogram, ACK_BUCKETS } from './compute-stats';

const H = 3_600_000;
const at = (h: number) => new Date(Date.parse('2026-05-01T00:00:00Z') + h * H).toISOString();

function req(party: string, over: Record<string, unknown>): RequestView {
  return {
    id: Math.random().toString(36),
    reference: 'R',
    type: 'subscriber_info',
    status: 'fulfilled',
    direction: 'outgoing',
    requestedParty: party,
    requestingParty: 'cn-demo',
    submittedAt: at(0),
    acknowledgedAt: at(2),
    fulfilledAt: at(50),
    declinedAt: null,
    clocks: { preservationExpiresAt: null, ackDueAt: at(24), responseDueAt: at(30 * 24) },
    clock: {
      ackWasLate: false,
      responseWasLate: false,
      ackOverdue: false,
      responseOverdue: false,
      preservationActive: false,
      canRenew: false,
    },
    ...over,
  } as unknown as RequestView;
}

describe('dashboard figures', () => {
  it('puts durations in buckets', () => {
    expect(histogram([0.5 * H, 2 * H, 30 * H, 100 * H], ACK_BUCKETS).map((b) => b.count)).toEqual([1, 1, 0, 1, 1]);
  });

  it('measures SLA compliance per peer and direction as the period report counts deadlines', () => {
    const d = computeDashboard(
      [
        req('us-demo', {}),
        req('us-demo', { acknowledgedAt: at(30) }),
        req('eu-demo', {
          status: 'in_progress',
          fulfilledAt: null,
          clocks: { preservationExpiresAt: null, ackDueAt: at(24), responseDueAt: at(48) },
        }),
        req('eu-demo', { status: 'in_progress', fulfilledAt: null }),
        req('us-demo', { status: 'draft', submittedAt: null, acknowledgedAt: null, fulfilledAt: null }),
      ],
      [],
      Date.parse(at(60)),
    );
    const us = d.slaOutgoing.find((r) => r.party === 'us-demo')!;
    expect([us.onTime, us.late, us.overdue]).toEqual([3, 1, 0]);
    expect(us.rate).toBe(0.75);
    // One response past due while still open, one not due yet (pending: not counted).
    const eu = d.slaOutgoing.find((r) => r.party === 'eu-demo')!;
    expect([eu.onTime, eu.late, eu.overdue, eu.total]).toEqual([2, 0, 1, 3]);
    expect(d.total).toBe(4);
    expect(d.medianAckMs).toBe(2 * H);
  });

  it('lists preservations lapsing within 30 days, soonest first', () => {
    const now = Date.parse(at(0));
    const p = (days: number) =>
      req('us-demo', {
        type: 'preservation',
        status: 'accepted',
        clocks: { preservationExpiresAt: at(days * 24) },
        clock: { preservationActive: true, canRenew: true, ackWasLate: false, responseWasLate: false },
      });
    const d = computeDashboard([p(40), p(9), p(3)], [], now);
    expect(d.expiries.map((e) => e.days)).toEqual([3, 9]);
  });

  it('summarises hotline acknowledgement times of incoming calls per urgency', () => {
    const call = (urgency: string, ms: number | null) =>
      ({
        urgency,
        direction: 'incoming',
        clock: { timeToAcknowledgeMs: ms, acknowledgedLate: ms !== null && ms > 900_000, isAwaitingAck: ms === null },
      }) as unknown as CallView;
    const d = computeDashboard(
      [],
      [call('emergency', 60_000), call('emergency', 1_200_000), call('emergency', null)],
      0,
    );
    const e = d.hotline.find((r) => r.urgency === 'emergency')!;
    expect([e.count, e.late, e.waiting, e.medianMs]).toEqual([3, 1, 1, 60_000]);
  });
});
