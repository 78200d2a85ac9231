// SQL for connectivity checks (pings): stored on arrival, summarised per sender and channel.
import type { Queryable } from '../db.js';

export type PingRow = { from: string; channel: string; seq: number; mid: string; nonce: string; sentAt: string | null };

export async function insertPings(tx: Queryable, rows: readonly PingRow[], receivedAt: string): Promise<void> {
  if (rows.length === 0) return;
  // unnest keeps array order, so applied_order follows the order the messages were applied in.
  await tx.query(
    `INSERT INTO federation_pings (from_node, channel, seq, mid, nonce, sent_at, received_at)
     SELECT f, c, s, m, n, sa::timestamptz, $7::timestamptz
     FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS x(f, c, s, m, n, sa, o) ORDER BY o`,
    [
      rows.map((r) => r.from),
      rows.map((r) => r.channel),
      rows.map((r) => r.seq),
      rows.map((r) => r.mid),
      rows.map((r) => r.nonce),
      rows.map((r) => r.sentAt),
      receivedAt,
    ],
  );
}

export type PingChannelSummary = {
  channel: string;
  count: number;
  distinctMids: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** Applications whose seq is not the previous one + 1 (a reorder, a duplicate or a skipped seq). */
  outOfOrder: number;
  lastReceivedAt: Date | null;
};

export async function pingSummary(db: Queryable, from: string): Promise<PingChannelSummary[]> {
  const rows = await db.query<{
    channel: string;
    count: number;
    distinct_mids: number;
    first_seq: number | null;
    last_seq: number | null;
    out_of_order: number;
    last_at: Date | null;
  }>(
    `SELECT channel, count(*)::int AS count, count(DISTINCT mid)::int AS distinct_mids, min(seq) AS first_seq, max(seq) AS last_seq,
       count(*) FILTER (WHERE prev IS NOT NULL AND seq <> prev + 1)::int AS out_of_order, max(received_at) AS last_at
     FROM (SELECT channel, seq, mid, received_at, lag(seq) OVER (PARTITION BY channel ORDER BY applied_order) AS prev
           FROM federation_pings WHERE from_node = $1) x
     GROUP BY channel ORDER BY channel`,
    [from],
  );
  return rows.map((r) => ({
    channel: r.channel,
    count: r.count,
    distinctMids: r.distinct_mids,
    firstSeq: r.first_seq,
    lastSeq: r.last_seq,
    outOfOrder: r.out_of_order,
    lastReceivedAt: r.last_at ? new Date(r.last_at) : null,
  }));
}
