// SQL for the federation outbox: sequence allocation, claiming batches, recording receipts and retries.
import type { Queryable } from '../db.js';
import { LIVE_OWNERS_SQL } from '../process-liveness.js';

export type OutboxInsert = {
  mid: string;
  peerId: string;
  channel: string;
  seq: number;
  mtype: string;
  jws: string;
  createdAt: string;
};
export type ClaimedMessage = {
  mid: string;
  channel: string;
  seq: number;
  jws: string;
  createdAt: Date;
  attempts: number;
};
export type OutboxResult = {
  mid: string;
  state: 'sent' | 'rejected';
  result: 'accepted' | 'duplicate' | 'rejected';
  code: string | null;
};

/**
 * Reserves `count` consecutive seqs on (peer, channel) and returns the first, or null when the peer
 * is not an active peer (then nothing is reserved). The row lock taken here orders concurrent
 * enqueuers on one channel until their transactions end, so seqs commit without gaps.
 */
export async function reserveOutboundSeqs(
  tx: Queryable,
  peerId: string,
  channel: string,
  count: number,
): Promise<number | null> {
  // The peer check rides in the same statement: enqueueing is on every federated write path.
  const [row] = await tx.query<{ next_seq: number }>(
    `INSERT INTO federation_out_channels (peer_id, channel, next_seq)
     SELECT id, $2, $3 + 1 FROM peers WHERE id = $1 AND status = 'active'
     ON CONFLICT (peer_id, channel) DO UPDATE SET next_seq = federation_out_channels.next_seq + $3
     RETURNING next_seq`,
    [peerId, channel, count],
  );
  return row ? row.next_seq - count : null;
}

export async function insertOutboxRows(tx: Queryable, rows: readonly OutboxInsert[], now: string): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO federation_outbox (mid, peer_id, channel, seq, mtype, jws, state, created_at, next_attempt_at)
     SELECT m, p, c, s, t, j, 'pending', ca::timestamptz, $8::timestamptz
     FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[]) AS x(m, p, c, s, t, j, ca)`,
    [
      rows.map((r) => r.mid),
      rows.map((r) => r.peerId),
      rows.map((r) => r.channel),
      rows.map((r) => r.seq),
      rows.map((r) => r.mtype),
      rows.map((r) => r.jws),
      rows.map((r) => r.createdAt),
      now,
    ],
  );
}

/**
 * Claims up to `limit` due messages of one peer in (channel, seq) order. Several processes may
 * serve one node: SKIP LOCKED gives each a disjoint batch and a lease (not a held lock) covers the
 * network round trip. A lease ends at its time or as soon as the process holding it is gone (its
 * liveness lock vanished with its database session, see process-liveness.ts), so the batch of a
 * killed process is sent again by another within a poll, not after the whole lease.
 */
export async function claimOutboxBatch(
  db: Queryable,
  peerId: string,
  now: Date,
  lease: { until: Date; owner: number | null },
  limit: number,
): Promise<ClaimedMessage[]> {
  type Row = { mid: string; channel: string; seq: number; jws: string; created_at: Date; attempts: number };
  const rows = await db.query<Row>(
    `UPDATE federation_outbox o SET lease_until = $3, lease_owner = $5
     FROM (SELECT mid FROM federation_outbox
           WHERE peer_id = $1 AND state = 'pending' AND next_attempt_at <= $2
             AND (lease_until IS NULL OR lease_until < $2 OR (lease_owner IS NOT NULL AND lease_owner NOT IN (${LIVE_OWNERS_SQL})))
           ORDER BY channel, seq LIMIT $4 FOR UPDATE SKIP LOCKED) c
     WHERE o.mid = c.mid
     RETURNING o.mid, o.channel, o.seq, o.jws, o.created_at, o.attempts`,
    [peerId, now.toISOString(), lease.until.toISOString(), limit, lease.owner],
  );
  return rows
    .map((r) => ({
      mid: r.mid,
      channel: r.channel,
      seq: r.seq,
      jws: r.jws,
      createdAt: new Date(r.created_at),
      attempts: r.attempts,
    }))
    .sort((a, b) => (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : a.seq - b.seq));
}

/** Applies a verified receipt: each message becomes sent (accepted|duplicate) or rejected (permanent code). */
export async function recordOutboxResults(
  tx: Queryable,
  results: readonly OutboxResult[],
  bid: string,
  now: Date,
): Promise<void> {
  if (results.length === 0) return;
  await tx.query(
    `UPDATE federation_outbox o SET state = x.st, result = x.r, code = x.c, bid = $5, sent_at = $6, lease_until = NULL, last_error = NULL,
       attempts = o.attempts + 1
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(m, st, r, c)
     WHERE o.mid = x.m AND o.state = 'pending'`,
    [
      results.map((r) => r.mid),
      results.map((r) => r.state),
      results.map((r) => r.result),
      results.map((r) => r.code),
      bid,
      now.toISOString(),
    ],
  );
}

/** A transient failure: the messages stay pending and become due again at `nextAttemptAt`. */
export async function deferOutboxRows(
  tx: Queryable,
  mids: readonly string[],
  nextAttemptAt: Date,
  error: string,
): Promise<void> {
  if (mids.length === 0) return;
  await tx.query(
    `UPDATE federation_outbox SET next_attempt_at = $2, lease_until = NULL, last_error = $3, attempts = attempts + 1
     WHERE mid = ANY($1::text[]) AND state = 'pending'`,
    [mids, nextAttemptAt.toISOString(), error.slice(0, 500)],
  );
}

/** The receiver asked for a re-send of [fromSeq, toSeq]: due now, whatever was recorded before. */
export async function requeueOutbox(
  tx: Queryable,
  peerId: string,
  channel: string,
  fromSeq: number,
  toSeq: number,
  now: Date,
): Promise<number> {
  const rows = await tx.query(
    `UPDATE federation_outbox SET state = 'pending', next_attempt_at = $5, lease_until = NULL, result = NULL, code = NULL
     WHERE peer_id = $1 AND channel = $2 AND seq BETWEEN $3 AND $4 AND state IN ('pending', 'sent') RETURNING mid`,
    [peerId, channel, fromSeq, toSeq, now.toISOString()],
  );
  return rows.length;
}

/** A message the receiver held and then refused when its turn came (reported by a federation.result message). */
export async function rejectSentMessage(tx: Queryable, peerId: string, mid: string, code: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE federation_outbox SET state = 'rejected', result = 'rejected', code = $3 WHERE peer_id = $1 AND mid = $2 RETURNING mid`,
    [peerId, mid, code],
  );
  return rows.length > 0;
}

/** When the next pending message of this peer becomes due (null: nothing pending). */
export async function nextDueAt(db: Queryable, peerId: string): Promise<Date | null> {
  const [row] = await db.query<{ due: Date | null }>(
    `SELECT min(CASE WHEN lease_owner IS NULL OR lease_owner IN (${LIVE_OWNERS_SQL})
                     THEN greatest(next_attempt_at, coalesce(lease_until, next_attempt_at)) ELSE next_attempt_at END) AS due
     FROM federation_outbox WHERE peer_id = $1 AND state = 'pending'`,
    [peerId],
  );
  return row?.due ? new Date(row.due) : null;
}
