// SQL for hotline calls: versioned documents plus inbox and escalation-clock columns.
import { CALL_DOCUMENT } from '../../domain/call/record-schema.js';
import type { CallRecord, CallStatus, CallUrgency } from '../../domain/call/index.js';
import type { Queryable } from '../db.js';
import { RUNNING_EXERCISES, RUNNING_EXERCISES_SQL } from './running-exercises.js';
import { decodeDocuments, documentKind } from './document-codec.js';
import { insertDocument, loadDocument, updateDocument, type Columns } from './document-store.js';

export const CALLS = documentKind('calls', CALL_DOCUMENT);

export type CallDirection = 'outgoing' | 'incoming';

function columns(c: CallRecord, direction: CallDirection, nextCheckAt: string | null): Columns {
  return {
    reference: c.reference,
    status: c.status,
    urgency: c.urgency,
    topic: c.topic,
    from_party: c.fromParty,
    to_party: c.toParty,
    direction,
    placed_at: c.placedAt,
    ack_due_at: c.ackDueAt,
    next_check_at: nextCheckAt,
    escalation_level: c.escalationLevel,
    exercise_id: c.exerciseId ?? null,
  };
}

export async function insertCall(
  tx: Queryable,
  c: CallRecord,
  direction: CallDirection,
  nextCheckAt: string | null,
): Promise<void> {
  await insertDocument(tx, CALLS, c.id, c.version, columns(c, direction, nextCheckAt), c);
}

export async function updateCall(
  tx: Queryable,
  c: CallRecord,
  expectedVersion: number,
  direction: CallDirection,
  nextCheckAt: string | null,
): Promise<void> {
  await updateDocument(tx, CALLS, c.id, expectedVersion, c.version, columns(c, direction, nextCheckAt), c);
}

export function findCall(db: Queryable, id: string, forUpdate = false): Promise<CallRecord | null> {
  return loadDocument(db, CALLS, id, forUpdate);
}

export async function callIdExists(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM calls WHERE id = $1', [id])).length > 0;
}

export async function setCallNextCheck(tx: Queryable, id: string, nextCheckAt: string | null): Promise<void> {
  await tx.query('UPDATE calls SET next_check_at = $2 WHERE id = $1', [id, nextCheckAt]);
}

export type CallFilter = {
  status?: CallStatus[];
  direction?: CallDirection;
  urgency?: CallUrgency[];
  /** Only calls still awaiting acknowledgement whose deadline lies before this instant. */
  overdueAt?: string;
  limit: number;
  offset: number;
  /**
   * Only this exercise's calls; `running`: real ones plus those of exercises running now on this node
   * (directed or joined: the inbox and hotline list mark them); without it, exercise calls are left
   * out (they never mix with real work, statistics included).
   */
  exercise?: string;
};

/** Open calls first, then emergency before urgent before routine, then least time left. */
export async function listCalls(db: Queryable, f: CallFilter): Promise<CallRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  where.push(
    f.exercise === RUNNING_EXERCISES
      ? RUNNING_EXERCISES_SQL
      : f.exercise
        ? `exercise_id = ${p(f.exercise)}`
        : 'exercise_id IS NULL',
  );
  if (f.status?.length) where.push(`status = ANY(${p(f.status)}::text[])`);
  if (f.urgency?.length) where.push(`urgency = ANY(${p(f.urgency)}::text[])`);
  if (f.direction) where.push(`direction = ${p(f.direction)}`);
  if (f.overdueAt) where.push(`status IN ('placed', 'delivered') AND ack_due_at < ${p(f.overdueAt)}`);
  const rows = await db.query<{ doc: unknown }>(
    `SELECT doc FROM calls ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY (status IN ('closed', 'cancelled')),
       CASE urgency WHEN 'emergency' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END,
       ack_due_at, placed_at DESC, id
     LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`,
    params,
  );
  return decodeDocuments(CALLS, rows);
}

export async function dueCallIds(db: Queryable, now: string, limit: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM calls WHERE next_check_at <= $1 ORDER BY next_check_at LIMIT $2',
    [now, limit],
  );
  return rows.map((r) => r.id);
}
