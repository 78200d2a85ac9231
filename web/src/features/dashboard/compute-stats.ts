// Dashboard figures computed from the request and call lists the user may see: counts by status
// and type, time-to-acknowledge and time-to-fulfil distributions, SLA compliance per peer,
// preservations about to lapse, and hotline acknowledgement times. The rules are the reports'
// (src/domain/report): nearest-rank percentiles, and a deadline met, missed or pending as the period
// report counts it; only the grouping for these charts is the dashboard's own.
import type { CallView, RequestView } from '../../api/types';
import { percentile, spanMs } from '../../../../src/domain/report/percentiles';
import {
  requestAckOutcome,
  requestDeadlines,
  requestResponseOutcome,
} from '../../../../src/domain/report/request-deadlines';
import { summarizeSla, type DeadlineOutcome } from '../../../../src/domain/report/sla';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type Bucket = { key: string; count: number };
export type PeerSla = {
  party: string;
  onTime: number;
  late: number;
  overdue: number;
  total: number;
  rate: number | null;
};
export type Expiry = {
  id: string;
  reference: string;
  party: string;
  expiresAt: string;
  days: number;
  canRenew: boolean;
};
export type HotlineRow = {
  urgency: string;
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
  late: number;
  waiting: number;
};

export const ACK_BUCKETS = [
  { key: 'lt1h', max: HOUR },
  { key: 'h1to4', max: 4 * HOUR },
  { key: 'h4to24', max: DAY },
  { key: 'd1to3', max: 3 * DAY },
  { key: 'gt3d', max: Number.POSITIVE_INFINITY },
] as const;
export const FULFIL_BUCKETS = [
  { key: 'lt1d', max: DAY },
  { key: 'd1to3', max: 3 * DAY },
  { key: 'd3to10', max: 10 * DAY },
  { key: 'd10to30', max: 30 * DAY },
  { key: 'gt30d', max: Number.POSITIVE_INFINITY },
] as const;
export const CALL_BUCKETS = [
  { key: 'lt5m', max: 5 * 60_000 },
  { key: 'm5to15', max: 15 * 60_000 },
  { key: 'm15to60', max: HOUR },
  { key: 'h1to2', max: 2 * HOUR },
  { key: 'gt2h', max: Number.POSITIVE_INFINITY },
] as const;

export function countBy<T>(items: T[], key: (item: T) => string, order: string[] = []): Bucket[] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([k, count]) => ({ key: k, count })).filter((b) => b.count > 0);
}

export function histogram(durations: number[], buckets: readonly { key: string; max: number }[]): Bucket[] {
  const out = buckets.map((b) => ({ key: b.key, count: 0 }));
  for (const d of durations) {
    const i = buckets.findIndex((b) => d < b.max);
    out[i === -1 ? out.length - 1 : i]!.count += 1;
  }
  return out;
}

const ascending = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

/**
 * Per counterpart, for one direction: deadlines met (on time), missed after all (late) and missed while
 * still open (overdue); compliance as the reports count it, met / (met + missed). Pending ones wait.
 */
export function slaByPeer(requests: RequestView[], direction: 'outgoing' | 'incoming', now: number): PeerSla[] {
  const outcomes = new Map<string, { outcome: DeadlineOutcome; done: boolean }[]>();
  const at = new Date(now);
  for (const r of requests) {
    if (r.direction !== direction || r.status === 'draft') continue;
    const party = direction === 'outgoing' ? r.requestedParty : r.requestingParty;
    const d = requestDeadlines(r);
    const list = outcomes.get(party) ?? [];
    list.push(
      { outcome: requestAckOutcome(d, at), done: d.acknowledgedAt !== null },
      { outcome: requestResponseOutcome(d, at), done: (d.fulfilledAt ?? d.declinedAt) !== null },
    );
    outcomes.set(party, list);
  }
  return [...outcomes]
    .map(([party, list]): PeerSla => {
      const missed = list.filter((o) => o.outcome === 'missed');
      const sla = summarizeSla(list.map((o) => o.outcome));
      return {
        party,
        onTime: sla.met,
        late: missed.filter((o) => o.done).length,
        overdue: missed.filter((o) => !o.done).length,
        total: sla.met + sla.missed,
        rate: sla.rate,
      };
    })
    .sort((a, b) => b.total - a.total);
}

export function upcomingExpiries(requests: RequestView[], now: number, withinDays = 30): Expiry[] {
  return requests
    .filter((r) => r.type === 'preservation' && r.clock.preservationActive && r.clocks.preservationExpiresAt)
    .map((r) => ({
      id: r.id,
      reference: r.reference,
      party: r.direction === 'outgoing' ? r.requestedParty : r.requestingParty,
      expiresAt: r.clocks.preservationExpiresAt as string,
      days: Math.ceil((Date.parse(r.clocks.preservationExpiresAt as string) - now) / DAY),
      canRenew: r.clock.canRenew,
    }))
    .filter((e) => e.days <= withinDays)
    .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
}

export function hotlineByUrgency(calls: CallView[]): HotlineRow[] {
  return ['emergency', 'urgent', 'routine'].map((urgency) => {
    const mine = calls.filter((c) => c.urgency === urgency && c.direction === 'incoming');
    const times = ascending(mine.map((c) => c.clock.timeToAcknowledgeMs).filter((x): x is number => x !== null));
    return {
      urgency,
      count: mine.length,
      medianMs: percentile(times, 0.5),
      p90Ms: percentile(times, 0.9),
      late: mine.filter((c) => c.clock.acknowledgedLate).length,
      waiting: mine.filter((c) => c.clock.isAwaitingAck).length,
    };
  });
}

export function computeDashboard(requests: RequestView[], calls: CallView[], now: number) {
  const sent = requests.filter((r) => r.status !== 'draft');
  const ack = sent.map((r) => spanMs(r.submittedAt, r.acknowledgedAt)).filter((x): x is number => x !== null);
  const fulfil = sent.map((r) => spanMs(r.submittedAt, r.fulfilledAt)).filter((x): x is number => x !== null);
  const callAck = calls
    .filter((c) => c.direction === 'incoming')
    .map((c) => c.clock.timeToAcknowledgeMs)
    .filter((x): x is number => x !== null);
  return {
    total: sent.length,
    open: sent.filter((r) => !['fulfilled', 'closed', 'declined', 'withdrawn'].includes(r.status)).length,
    overdue: sent.filter((r) => r.clock.ackOverdue || r.clock.responseOverdue).length,
    byStatus: countBy(sent, (r) => r.status),
    byType: countBy(sent, (r) => r.type),
    ackDistribution: histogram(ack, ACK_BUCKETS),
    fulfilDistribution: histogram(fulfil, FULFIL_BUCKETS),
    medianAckMs: percentile(ascending(ack), 0.5),
    medianFulfilMs: percentile(ascending(fulfil), 0.5),
    slaOutgoing: slaByPeer(sent, 'outgoing', now),
    slaIncoming: slaByPeer(sent, 'incoming', now),
    expiries: upcomingExpiries(sent, now),
    hotline: hotlineByUrgency(calls),
    callDistribution: histogram(callAck, CALL_BUCKETS),
  };
}

export type Dashboard = ReturnType<typeof computeDashboard>;
