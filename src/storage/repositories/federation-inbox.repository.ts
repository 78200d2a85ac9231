// SQL for the federation inbox: dedupe by mid, per-(sender, channel) next expected seq, held messages.
import type { Queryable } from '../db.js';

export type InboxState = 'held' | 'applied' | 'rejected';
export type InboxInsert = {
  mid: string;
  from: string;
  channel: string;
  seq: number;
  mtype: string;
  schema: number;
  state: InboxState;
  code: string | null;
  body: unknown;
  jws: string;
  bid: string;
  createdAt: string;
};
export type InChannel = {
  from: string;
  channel: string;
  nextSeq: number;
  heldCount: number;
  gapSince: Date | null;
  resendRequestedAt: Date | null;
};
export type HeldMessage = {
  mid: string;
  seq: number;
  mtype: string;
  schema: number;
  state: InboxState;
  code: string | null;
  body: unknown;
  createdAt: Date;
};

export async function findKnownMids(
  tx: Queryable,
  mids: readonly string[],
): Promise<Map<string, { state: InboxState; code: string | null }>> {
  if (mids.length === 0) return new Map();
  const rows = await tx.query<{ mid: string; state: InboxState; code: string | null }>(
    'SELECT mid, state, code FROM federation_inbox WHERE mid = ANY($1::text[])',
    [mids],
  );
  return new Map(rows.map((r) => [r.mid, { state: r.state, code: r.code }]));
}

/** Locks (creating if needed) the channel rows of one sender, so concurrent batches apply in seq order. */
export async function lockInChannels(
  tx: Queryable,
  from: string,
  channels: readonly string[],
): Promise<Map<string, InChannel>> {
  const sorted = [...new Set(channels)].sort();
  const select = () =>
    tx.query<{
      channel: string;
      next_seq: number;
      held_count: number;
      gap_since: Date | null;
      resend_requested_at: Date | null;
    }>(
      `SELECT channel, next_seq, held_count, gap_since, resend_requested_at FROM federation_in_channels
     WHERE from_node = $1 AND channel = ANY($2::text[]) ORDER BY channel FOR UPDATE`,
      [from, sorted],
    );
  let rows = await select();
  if (rows.length < sorted.length) {
    // First message on a channel: create its row (a concurrent creator is fine), then lock it.
    await tx.query(
      `INSERT INTO federation_in_channels (from_node, channel) SELECT $1, c FROM unnest($2::text[]) AS x(c)
       ON CONFLICT (from_node, channel) DO NOTHING`,
      [from, sorted],
    );
    rows = await select();
  }
  return new Map(
    rows.map((r) => [
      r.channel,
      {
        from,
        channel: r.channel,
        nextSeq: r.next_seq,
        heldCount: r.held_count,
        gapSince: r.gap_since ? new Date(r.gap_since) : null,
        resendRequestedAt: r.resend_requested_at ? new Date(r.resend_requested_at) : null,
      },
    ]),
  );
}

export async function saveInChannel(tx: Queryable, c: InChannel): Promise<void> {
  await tx.query(
    `UPDATE federation_in_channels SET next_seq = $3, held_count = $4, gap_since = $5, resend_requested_at = $6
     WHERE from_node = $1 AND channel = $2`,
    [
      c.from,
      c.channel,
      c.nextSeq,
      c.heldCount,
      c.gapSince?.toISOString() ?? null,
      c.resendRequestedAt?.toISOString() ?? null,
    ],
  );
}

/** Which of these seqs on (from, channel) are already taken, and by which mid. */
export async function findSeqOwners(
  tx: Queryable,
  from: string,
  channel: string,
  seqs: readonly number[],
): Promise<Map<number, string>> {
  if (seqs.length === 0) return new Map();
  const rows = await tx.query<{ seq: number; mid: string }>(
    'SELECT seq, mid FROM federation_inbox WHERE from_node = $1 AND channel = $2 AND seq = ANY($3::bigint[])',
    [from, channel, seqs],
  );
  return new Map(rows.map((r) => [r.seq, r.mid]));
}

export async function insertInboxRows(tx: Queryable, rows: readonly InboxInsert[], now: string): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO federation_inbox (mid, from_node, channel, seq, mtype, schema_version, state, code, body, jws, bid, created_at, received_at, applied_at)
     SELECT m, f, c, s, t, v, st, cd, b::jsonb, j, bi, ca::timestamptz, $13::timestamptz, CASE WHEN st = 'held' THEN NULL ELSE $13::timestamptz END
     FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
       AS x(m, f, c, s, t, v, st, cd, b, j, bi, ca)`,
    [
      rows.map((r) => r.mid),
      rows.map((r) => r.from),
      rows.map((r) => r.channel),
      rows.map((r) => r.seq),
      rows.map((r) => r.mtype),
      rows.map((r) => r.schema),
      rows.map((r) => r.state),
      rows.map((r) => r.code),
      rows.map((r) => (r.state === 'held' ? JSON.stringify(r.body) : null)),
      rows.map((r) => r.jws),
      rows.map((r) => r.bid),
      rows.map((r) => r.createdAt),
      now,
    ],
  );
}

/** Held (or already-refused) messages from `fromSeq` on, in seq order: the candidates to apply next. */
export async function loadWaiting(
  tx: Queryable,
  from: string,
  channel: string,
  fromSeq: number,
  limit: number,
): Promise<HeldMessage[]> {
  const rows = await tx.query<{
    mid: string;
    seq: number;
    mtype: string;
    schema_version: number;
    state: InboxState;
    code: string | null;
    body: unknown;
    created_at: Date;
  }>(
    `SELECT mid, seq, mtype, schema_version, state, code, body, created_at FROM federation_inbox
     WHERE from_node = $1 AND channel = $2 AND seq >= $3 ORDER BY seq LIMIT $4`,
    [from, channel, fromSeq, limit],
  );
  return rows.map((r) => ({
    mid: r.mid,
    seq: r.seq,
    mtype: r.mtype,
    schema: r.schema_version,
    state: r.state,
    code: r.code,
    body: r.body,
    createdAt: new Date(r.created_at),
  }));
}

/** Held messages whose turn came: applied or refused now; the body is no longer needed. */
export async function settleHeld(
  tx: Queryable,
  settled: readonly { mid: string; state: InboxState; code: string | null }[],
  now: string,
): Promise<void> {
  if (settled.length === 0) return;
  await tx.query(
    `UPDATE federation_inbox i SET state = x.st, code = x.cd, body = NULL, applied_at = $4::timestamptz
     FROM unnest($1::text[], $2::text[], $3::text[]) AS x(m, st, cd) WHERE i.mid = x.m`,
    [settled.map((s) => s.mid), settled.map((s) => s.state), settled.map((s) => s.code), now],
  );
}

/** Channels whose gap is older than `olderThan` and not re-requested since: claimed for one resend request each. */
export async function claimStaleGaps(
  tx: Queryable,
  olderThan: Date,
  now: Date,
): Promise<{ from: string; channel: string; nextSeq: number; firstHeldSeq: number }[]> {
  const rows = await tx.query<{ from_node: string; channel: string; next_seq: number }>(
    `UPDATE federation_in_channels SET resend_requested_at = $2
     WHERE held_count > 0 AND gap_since <= $1 AND (resend_requested_at IS NULL OR resend_requested_at <= $1)
     RETURNING from_node, channel, next_seq`,
    [olderThan.toISOString(), now.toISOString()],
  );
  const out = [];
  for (const r of rows) {
    const [first] = await tx.query<{ seq: number }>(
      `SELECT min(seq) AS seq FROM federation_inbox WHERE from_node = $1 AND channel = $2 AND seq >= $3`,
      [r.from_node, r.channel, r.next_seq],
    );
    out.push({ from: r.from_node, channel: r.channel, nextSeq: r.next_seq, firstHeldSeq: first?.seq ?? r.next_seq });
  }
  return out;
}
