// Dashboard figures computed from the request and call lists the user may see: counts by status
// and type, time-to-acknowledge and time-to-fulfil distributions, SLA compliance per peer,
// preservations about to lapse, and hotline acknowledgement times.
import type { CallView, RequestView } from '../../api/types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type Bucket = { key: string; count: number };
export type PeerSla = { party: string; onTime: number; late: number; overdue: number; total: number; rate: number | null };
export type Expiry = { id: string; reference: string; party: string; expiresAt: string; days: number; canRenew: boolean };
export type HotlineRow = { urgency: string; count: number; medianMs: number | null; p90Ms: number | null; late: number; waiting: number };

export const ACK_BUCKETS = [
  { key: 'lt1h', max: HOUR }, { key: 'h1to4', max: 4 * HOUR }, { key: 'h4to24', max: DAY },
  { key: 'd1to3', max: 3 * DAY }, { key: 'gt3d', max: Number.POSITIVE_INFINITY },
] as const;
export const FULFIL_BUCKETS = [
  { key: 'lt1d', max: DAY }, { key: 'd1to3', max: 3 * DAY }, { key: 'd3to10', max: 10 * DAY },
  { key: 'd10to30', max: 30 * DAY }, { key: 'gt30d', max: Number.POSITIVE_INFINITY },
] as const;
export const CALL_BUCKETS = [
  { key: 'lt5m', max: 5 * 60_000 }, { key: 'm5to15', max: 15 * 60_000 }, { key: 'm15to60', max: HOUR },
  { key: 'h1to2', max: 2 * HOUR }, { key: 'gt2h', max: Number.POSITIVE_INFINITY },
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

const span = (from: string | null, to: string | null): number | null =>
  from && to ? Math.max(0, Date.parse(to) - Date.parse(from)) : null;

export function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? null;
}

/** Per counterpart: deadlines met, missed, and still running past due, for one direction. */
export function slaByPeer(requests: RequestView[], direction: 'outgoing' | 'incoming'): PeerSla[] {
  const rows = new Map<string, PeerSla>();
  for (const r of requests) {
    if (r.direction !== direction || r.status === 'draft') continue;
    const party = direction === 'outgoing' ? r.requestedParty : r.requestingParty;
    const row = rows.get(party) ?? { party, onTime: 0, late: 0, overdue: 0, total: 0, rate: null };
    if (r.acknowledgedAt) {
      row.total += 1;
      if (r.clock.ackWasLate) row.late += 1;
      else row.onTime += 1;
    } else if (r.clock.ackOverdue) {
      row.total += 1;
      row.overdue += 1;
    }
    if (r.fulfilledAt || r.declinedAt) {
      row.total += 1;
      if (r.clock.responseWasLate) row.late += 1;
      else row.onTime += 1;
    } else if (r.clock.responseOverdue) {
      row.total += 1;
      row.overdue += 1;
    }
    rows.set(party, row);
  }
  return [...rows.values()]
    .map((r) => ({ ...r, rate: r.total ? r.onTime / r.total : null }))
    .sort((a, b) => b.total - a.total);
}

export function upcomingExpiries(requests: RequestView[], now: number, withinDays = 30): Expiry[] {
  return requests
    .filter((r) => r.type === 'preservation' && r.clock.preservationActive && r.clocks.preservationExpiresAt)
    .map((r) => ({
      id: r.id, reference: r.reference, party: r.direction === 'outgoing' ? r.requestedParty : r.requestingParty,
      expiresAt: r.clocks.preservationExpiresAt as string,
      days: Math.ceil((Date.parse(r.clocks.preservationExpiresAt as string) - now) / DAY), canRenew: r.clock.canRenew,
    }))
    .filter((e) => e.days <= withinDays)
    .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
}

export function hotlineByUrgency(calls: CallView[]): HotlineRow[] {
  return ['emergency', 'urgent', 'routine'].map((urgency) => {
    const mine = calls.filter((c) => c.urgency === urgency && c.direction === 'incoming');
    const times = mine.map((c) => c.clock.timeToAcknowledgeMs).filter((x): x is number => x !== null).sort((a, b) => a - b);
    return {
      urgency, count: mine.length, medianMs: quantile(times, 0.5), p90Ms: quantile(times, 0.9),
      late: mine.filter((c) => c.clock.acknowledgedLate).length, waiting: mine.filter((c) => c.clock.isAwaitingAck).length,
    };
  });
}

export function computeDashboard(requests: RequestView[], calls: CallView[], now: number) {
  const sent = requests.filter((r) => r.status !== 'draft');
  const ack = sent.map((r) => span(r.submittedAt, r.acknowledgedAt)).filter((x): x is number => x !== null);
  const fulfil = sent.map((r) => span(r.submittedAt, r.fulfilledAt)).filter((x): x is number => x !== null);
  const callAck = calls.filter((c) => c.direction === 'incoming').map((c) => c.clock.timeToAcknowledgeMs).filter((x): x is number => x !== null);
  return {
    total: sent.length,
    open: sent.filter((r) => !['fulfilled', 'closed', 'declined', 'withdrawn'].includes(r.status)).length,
    overdue: sent.filter((r) => r.clock.ackOverdue || r.clock.responseOverdue).length,
    byStatus: countBy(sent, (r) => r.status),
    byType: countBy(sent, (r) => r.type),
    ackDistribution: histogram(ack, ACK_BUCKETS),
    fulfilDistribution: histogram(fulfil, FULFIL_BUCKETS),
    medianAckMs: quantile([...ack].sort((a, b) => a - b), 0.5),
    medianFulfilMs: quantile([...fulfil].sort((a, b) => a - b), 0.5),
    slaOutgoing: slaByPeer(sent, 'outgoing'),
    slaIncoming: slaByPeer(sent, 'incoming'),
    expiries: upcomingExpiries(sent, now),
    hotline: hotlineByUrgency(calls),
    callDistribution: histogram(callAck, CALL_BUCKETS),
  };
}

export type Dashboard = ReturnType<typeof computeDashboard>;
