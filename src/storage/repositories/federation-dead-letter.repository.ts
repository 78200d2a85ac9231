// SQL for federation dead letters (federation_dead_letters): inbound messages refused for their
// content, with the raw signed message copied from their inbox row, listed and handled by admins.
import type { Queryable } from '../db.js';

export type DeadLetterInsert = { mid: string; code: string; details: Record<string, unknown> | null; bid: string };
export type DeadLetterState = 'open' | 'discarded';

export type DeadLetter = {
  mid: string;
  from: string;
  channel: string;
  seq: number;
  type: string;
  schema: number;
  code: string;
  details: Record<string, unknown> | null;
  bid: string;
  receivedAt: Date;
  state: DeadLetterState;
  discardedAt: Date | null;
  discardedBy: string | null;
  size: number;
};

type Row = {
  mid: string;
  from_node: string;
  channel: string;
  seq: number;
  mtype: string;
  schema_version: number;
  code: string;
  details: Record<string, unknown> | null;
  bid: string;
  received_at: Date;
  state: DeadLetterState;
  discarded_at: Date | null;
  discarded_by: string | null;
  size: number;
};

const COLUMNS = `mid, from_node, channel, seq, mtype, schema_version, code, details, bid, received_at, state, discarded_at, discarded_by,
  octet_length(message) AS size`;

const toDeadLetter = (r: Row): DeadLetter => ({
  mid: r.mid,
  from: r.from_node,
  channel: r.channel,
  seq: r.seq,
  type: r.mtype,
  schema: r.schema_version,
  code: r.code,
  details: r.details,
  bid: r.bid,
  receivedAt: new Date(r.received_at),
  state: r.state,
  discardedAt: r.discarded_at ? new Date(r.discarded_at) : null,
  discardedBy: r.discarded_by,
  size: r.size,
});

// jsonb cannot hold NUL or lone surrogates; a detail quoting peer text must never fail the inbox transaction.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storableJson = (v: Record<string, unknown>) =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'string' ? x.replace(UNSTORABLE, '\uFFFD') : x));

/** Must run after the messages' inbox rows are written: the signed bytes are copied from there. */
export async function insertDeadLetters(tx: Queryable, rows: readonly DeadLetterInsert[], now: string): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO federation_dead_letters (mid, from_node, channel, seq, mtype, schema_version, code, details, message, bid, received_at)
     SELECT i.mid, i.from_node, i.channel, i.seq, i.mtype, i.schema_version, x.cd, x.dt::jsonb, convert_to(i.jws, 'UTF8'), x.bi, $5::timestamptz
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(m, cd, dt, bi)
     JOIN federation_inbox i ON i.mid = x.m
     ON CONFLICT (mid) DO NOTHING`,
    [
      rows.map((r) => r.mid),
      rows.map((r) => r.code),
      rows.map((r) => (r.details ? storableJson(r.details) : null)),
      rows.map((r) => r.bid),
      now,
    ],
  );
}

export async function listDeadLetters(
  db: Queryable,
  f: { state?: DeadLetterState; peerId?: string; limit: number },
): Promise<DeadLetter[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM federation_dead_letters
     WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR from_node = $2)
     ORDER BY received_at DESC, mid DESC LIMIT $3`,
    [f.state ?? null, f.peerId ?? null, f.limit],
  );
  return rows.map(toDeadLetter);
}

export async function findDeadLetter(db: Queryable, mid: string, forUpdate = false): Promise<DeadLetter | null> {
  const [row] = await db.query<Row>(
    `SELECT ${COLUMNS} FROM federation_dead_letters WHERE mid = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [mid],
  );
  return row ? toDeadLetter(row) : null;
}

/** The signed message exactly as received (compact JWS bytes). */
export async function readDeadLetterMessage(db: Queryable, mid: string): Promise<Buffer | null> {
  const [row] = await db.query<{ message: Buffer }>('SELECT message FROM federation_dead_letters WHERE mid = $1', [
    mid,
  ]);
  return row ? row.message : null;
}

export async function markDeadLetterDiscarded(tx: Queryable, mid: string, by: string, at: Date): Promise<void> {
  await tx.query(
    `UPDATE federation_dead_letters SET state = 'discarded', discarded_at = $2, discarded_by = $3 WHERE mid = $1`,
    [mid, at.toISOString(), by],
  );
}

export async function countOpenDeadLetters(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM federation_dead_letters WHERE state = 'open'`,
  );
  return row?.n ?? 0;
}
