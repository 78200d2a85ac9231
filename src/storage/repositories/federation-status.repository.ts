// Read-only SQL for peer health (docs/spec.md §1.7): queue depth, oldest undelivered, latency, inbound gaps.
import type { Queryable } from '../db.js';

export type PeerQueueGauge = {
  peerId: string;
  queueDepth: number;
  oldestPendingAt: Date | null;
  lastContactAt: Date | null;
  rejected: number;
};

export async function peerQueueGauges(db: Queryable): Promise<PeerQueueGauge[]> {
  const rows = await db.query<{
    id: string;
    depth: number;
    oldest: Date | null;
    contact: Date | null;
    rejected: number;
  }>(
    `SELECT p.id,
       (SELECT count(*)::int FROM federation_outbox o WHERE o.peer_id = p.id AND o.state = 'pending') AS depth,
       (SELECT min(created_at) FROM federation_outbox o WHERE o.peer_id = p.id AND o.state = 'pending') AS oldest,
       (SELECT count(*)::int FROM federation_outbox o WHERE o.peer_id = p.id AND o.state = 'rejected') AS rejected,
       s.last_contact_at AS contact
     FROM peers p LEFT JOIN federation_peer_state s ON s.peer_id = p.id ORDER BY p.id`,
  );
  return rows.map((r) => ({
    peerId: r.id,
    queueDepth: r.depth,
    oldestPendingAt: r.oldest ? new Date(r.oldest) : null,
    lastContactAt: r.contact ? new Date(r.contact) : null,
    rejected: r.rejected,
  }));
}

export type OutboundStats = {
  pending: number;
  sent: number;
  rejected: number;
  oldestPendingAt: Date | null;
  latencyP50Ms: number | null;
  latencyP99Ms: number | null;
  latencySamples: number;
};

export type InboundChannelStatus = {
  channel: string;
  nextSeq: number;
  held: number;
  gapSince: Date | null;
  resendRequestedAt: Date | null;
};

export type OutboxListItem = {
  mid: string;
  peerId: string;
  channel: string;
  seq: number;
  type: string;
  state: 'pending' | 'sent' | 'rejected';
  result: 'accepted' | 'duplicate' | 'rejected' | null;
  code: string | null;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
  lastError: string | null;
  bid: string | null;
};

export async function listOutbox(
  db: Queryable,
  f: { peerId?: string; state?: string; limit: number },
): Promise<OutboxListItem[]> {
  const rows = await db.query(
    `SELECT mid, peer_id, channel, seq, mtype, state, result, code, attempts, created_at, sent_at, next_attempt_at, last_error, bid
     FROM federation_outbox WHERE ($1::text IS NULL OR peer_id = $1) AND ($2::text IS NULL OR state = $2)
     ORDER BY created_at DESC, seq DESC LIMIT $3`,
    [f.peerId ?? null, f.state ?? null, f.limit],
  );
  return rows.map((r) => ({
    mid: r.mid as string,
    peerId: r.peer_id as string,
    channel: r.channel as string,
    seq: r.seq as number,
    type: r.mtype as string,
    state: r.state as OutboxListItem['state'],
    result: (r.result as OutboxListItem['result']) ?? null,
    code: (r.code as string) ?? null,
    attempts: r.attempts as number,
    createdAt: new Date(r.created_at as string),
    sentAt: r.sent_at ? new Date(r.sent_at as string) : null,
    nextAttemptAt: new Date(r.next_attempt_at as string),
    lastError: (r.last_error as string) ?? null,
    bid: (r.bid as string) ?? null,
  }));
}

// A peer's delivery figures, for every peer at once (the federation page polls them for 30+ peers
// every 15 s): one statement per figure instead of one per figure and peer, keyed by peer id; a peer
// with nothing to count is absent from the map. `onlyPeer` narrows each statement to one peer (the
// peer's own status page). Latency percentiles come from the most recent `sample` delivered messages
// (enqueue → verified receipt).

/** `AND <column> = $n` when one peer is asked for, with its parameter; nothing otherwise. */
function peerFilter(column: string, onlyPeer: string | undefined, n: number): { sql: string; params: string[] } {
  return onlyPeer === undefined ? { sql: '', params: [] } : { sql: ` AND ${column} = $${n}`, params: [onlyPeer] };
}

export async function outboundStatsByPeer(
  db: Queryable,
  sample = 1000,
  onlyPeer?: string,
): Promise<Map<string, OutboundStats>> {
  const countsFilter = peerFilter('peer_id', onlyPeer, 1);
  const latFilter = peerFilter('p.id', onlyPeer, 2);
  const counts = await db.query<{
    peer_id: string;
    pending: number;
    sent: number;
    rejected: number;
    oldest: Date | null;
  }>(
    `SELECT peer_id, count(*) FILTER (WHERE state = 'pending')::int AS pending, count(*) FILTER (WHERE state = 'sent')::int AS sent,
       count(*) FILTER (WHERE state = 'rejected')::int AS rejected, min(created_at) FILTER (WHERE state = 'pending') AS oldest
     FROM federation_outbox WHERE true${countsFilter.sql} GROUP BY peer_id`,
    countsFilter.params,
  );
  const lat = await db.query<{ peer_id: string; p50: number | null; p99: number | null; n: number }>(
    `SELECT p.id AS peer_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY x.ms) AS p50,
       percentile_cont(0.99) WITHIN GROUP (ORDER BY x.ms) AS p99, count(*)::int AS n
     FROM peers p CROSS JOIN LATERAL (
       SELECT extract(epoch FROM (sent_at - created_at)) * 1000 AS ms FROM federation_outbox
       WHERE peer_id = p.id AND state = 'sent' ORDER BY sent_at DESC LIMIT $1) x
     WHERE true${latFilter.sql}
     GROUP BY p.id`,
    [sample, ...latFilter.params],
  );
  const latency = new Map(lat.map((l) => [l.peer_id, l]));
  return new Map(
    counts.map((c) => {
      const l = latency.get(c.peer_id);
      return [
        c.peer_id,
        {
          pending: c.pending,
          sent: c.sent,
          rejected: c.rejected,
          oldestPendingAt: c.oldest ? new Date(c.oldest) : null,
          latencyP50Ms: l?.p50 == null ? null : Number(l.p50),
          latencyP99Ms: l?.p99 == null ? null : Number(l.p99),
          latencySamples: l?.n ?? 0,
        },
      ];
    }),
  );
}

export const NO_OUTBOUND: OutboundStats = {
  pending: 0,
  sent: 0,
  rejected: 0,
  oldestPendingAt: null,
  latencyP50Ms: null,
  latencyP99Ms: null,
  latencySamples: 0,
};

export async function inboundChannelsByPeer(
  db: Queryable,
  onlyPeer?: string,
): Promise<Map<string, InboundChannelStatus[]>> {
  const filter = peerFilter('from_node', onlyPeer, 1);
  const rows = await db.query<{
    from_node: string;
    channel: string;
    next_seq: number;
    held_count: number;
    gap_since: Date | null;
    resend_requested_at: Date | null;
  }>(
    `SELECT from_node, channel, next_seq, held_count, gap_since, resend_requested_at FROM federation_in_channels
     WHERE true${filter.sql} ORDER BY from_node, channel`,
    filter.params,
  );
  const out = new Map<string, InboundChannelStatus[]>();
  for (const r of rows) {
    const list = out.get(r.from_node) ?? [];
    list.push({
      channel: r.channel,
      nextSeq: r.next_seq,
      held: r.held_count,
      gapSince: r.gap_since ? new Date(r.gap_since) : null,
      resendRequestedAt: r.resend_requested_at ? new Date(r.resend_requested_at) : null,
    });
    out.set(r.from_node, list);
  }
  return out;
}

/** Every sent message must name a stored receipt: per peer, the count of those that do not (expected 0). */
export async function sentWithoutReceiptByPeer(db: Queryable, onlyPeer?: string): Promise<Map<string, number>> {
  const filter = peerFilter('o.peer_id', onlyPeer, 1);
  const rows = await db.query<{ peer_id: string; n: number }>(
    `SELECT o.peer_id, count(*)::int AS n FROM federation_outbox o WHERE o.state <> 'pending'
       AND o.result IS NOT NULL AND NOT EXISTS (SELECT 1 FROM federation_receipts r WHERE r.bid = o.bid)${filter.sql}
     GROUP BY o.peer_id`,
    filter.params,
  );
  return new Map(rows.map((r) => [r.peer_id, r.n]));
}

/** Last seq assigned per outbound channel to each peer (what the peer's next expected seq should reach). */
export async function outboundChannelsByPeer(
  db: Queryable,
  onlyPeer?: string,
): Promise<Map<string, { channel: string; lastSeq: number }[]>> {
  const filter = peerFilter('peer_id', onlyPeer, 1);
  const rows = await db.query<{ peer_id: string; channel: string; next_seq: number }>(
    `SELECT peer_id, channel, next_seq FROM federation_out_channels WHERE true${filter.sql} ORDER BY peer_id, channel`,
    filter.params,
  );
  const out = new Map<string, { channel: string; lastSeq: number }[]>();
  for (const r of rows) {
    const list = out.get(r.peer_id) ?? [];
    list.push({ channel: r.channel, lastSeq: r.next_seq - 1 });
    out.set(r.peer_id, list);
  }
  return out;
}

/** What the directory view shows of each peer, in one statement: status, key, contact, failures, queue. */
export type PeerGlance = {
  peerId: string;
  status: 'active' | 'suspended';
  fingerprint: string;
  lastContactAt: Date | null;
  consecutiveFailures: number;
  lastErrorCode: string | null;
  queueDepth: number;
};

export async function peerGlances(db: Queryable): Promise<PeerGlance[]> {
  const rows = await db.query<{
    id: string;
    status: 'active' | 'suspended';
    fingerprint: string;
    contact: Date | null;
    failures: number | null;
    code: string | null;
    depth: number | null;
  }>(
    `SELECT p.id, p.status, p.fingerprint, s.last_contact_at AS contact, s.consecutive_failures AS failures,
       s.last_error_code AS code, q.depth
     FROM peers p LEFT JOIN federation_peer_state s ON s.peer_id = p.id
     LEFT JOIN (SELECT peer_id, count(*)::int AS depth FROM federation_outbox WHERE state = 'pending' GROUP BY peer_id) q
       ON q.peer_id = p.id
     ORDER BY p.id`,
  );
  return rows.map((r) => ({
    peerId: r.id,
    status: r.status,
    fingerprint: r.fingerprint,
    lastContactAt: r.contact ? new Date(r.contact) : null,
    consecutiveFailures: r.failures ?? 0,
    lastErrorCode: r.code ?? null,
    queueDepth: r.depth ?? 0,
  }));
}
