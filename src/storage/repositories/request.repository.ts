// SQL for requests for assistance: versioned documents plus list/deadline columns.
import { REQUEST_DOCUMENT } from '../../domain/request/record-schema.js';
import type { RequestRecord } from '../../domain/request/types.js';
import type { Queryable } from '../db.js';
import { RUNNING_EXERCISES, RUNNING_EXERCISES_SQL } from './running-exercises.js';
import { decodeDocuments, documentKind } from './document-codec.js';
import { insertDocument, loadDocument, updateDocument, type Columns } from './document-store.js';
import type { GatedWrite } from './gated-write.js';

export const REQUESTS = documentKind('requests', REQUEST_DOCUMENT);

/** Index columns derived from the record; `nextCheckAt` comes from the clock evaluation. */
function columns(r: RequestRecord, nextDeadlineAt: string | null, nextCheckAt: string | null): Columns {
  return {
    reference: r.reference,
    status: r.status,
    type: r.type,
    urgency: r.urgency,
    confidentiality: r.confidentiality,
    requesting_party: r.requestingParty,
    requested_party: r.requestedParty,
    case_ref: r.caseRef,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    submitted_at: r.submittedAt,
    next_deadline_at: nextDeadlineAt,
    next_check_at: nextCheckAt,
    exercise_id: r.exerciseId ?? null,
  };
}

export type RequestTimes = { nextDeadlineAt: string | null; nextCheckAt: string | null };

/** `rider`: what is written with the request in the same statement (its search row). */
export async function insertRequest(
  tx: Queryable,
  r: RequestRecord,
  t: RequestTimes,
  rider?: GatedWrite,
): Promise<void> {
  await insertDocument(tx, REQUESTS, r.id, r.version, columns(r, t.nextDeadlineAt, t.nextCheckAt), r, rider);
}

export async function updateRequest(
  tx: Queryable,
  r: RequestRecord,
  expectedVersion: number,
  t: RequestTimes,
  rider?: GatedWrite,
): Promise<void> {
  await updateDocument(
    tx,
    REQUESTS,
    r.id,
    expectedVersion,
    r.version,
    columns(r, t.nextDeadlineAt, t.nextCheckAt),
    r,
    rider,
  );
}

export function findRequest(db: Queryable, id: string, forUpdate = false): Promise<RequestRecord | null> {
  return loadDocument(db, REQUESTS, id, forUpdate);
}

export async function setRequestNextCheck(tx: Queryable, id: string, nextCheckAt: string | null): Promise<void> {
  await tx.query('UPDATE requests SET next_check_at = $2 WHERE id = $1', [id, nextCheckAt]);
}

export type RequestFilter = {
  status?: string[];
  type?: string;
  urgency?: string;
  direction?: 'outgoing' | 'incoming';
  party?: string;
  caseRef?: string;
  q?: string;
  ownParty: string;
  excludeDraftsOfOthers: boolean;
  limit: number;
  offset: number;
  /**
   * Only this exercise's requests; `running`: real ones plus those of exercises running now on this node
   * (directed or joined: the inbox and hotline list mark them); without it, exercise requests are left
   * out (they never mix with real work, statistics included).
   */
  exercise?: string;
};

export async function listRequests(db: Queryable, f: RequestFilter): Promise<RequestRecord[]> {
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
  if (f.type) where.push(`type = ${p(f.type)}`);
  if (f.urgency) where.push(`urgency = ${p(f.urgency)}`);
  if (f.direction === 'outgoing') where.push(`requesting_party = ${p(f.ownParty)}`);
  if (f.direction === 'incoming') where.push(`requested_party = ${p(f.ownParty)}`);
  if (f.party) where.push(`(requesting_party = ${p(f.party)} OR requested_party = $${params.length})`);
  if (f.caseRef) where.push(`case_ref = ${p(f.caseRef)}`);
  if (f.q) {
    where.push(
      `(reference ILIKE ${p(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)} OR doc->'subject'->>'en' ILIKE $${params.length} OR doc->'subject'->>'zh' ILIKE $${params.length})`,
    );
  }
  // A draft exists only for the party writing it.
  if (f.excludeDraftsOfOthers) where.push(`(status <> 'draft' OR requesting_party = ${p(f.ownParty)})`);
  const rows = await db.query<{ doc: unknown }>(
    `SELECT doc FROM requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY (next_deadline_at IS NULL), next_deadline_at, updated_at DESC
     LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`,
    params,
  );
  return decodeDocuments(REQUESTS, rows);
}

export async function dueRequestIds(db: Queryable, now: string, limit: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM requests WHERE next_check_at <= $1 ORDER BY next_check_at LIMIT $2',
    [now, limit],
  );
  return rows.map((r) => r.id);
}

/**
 * Requests this node owes a response on whose response deadline falls in (`now`, `until`] with the
 * clock running, and whose due-soon warning for that deadline has not fired (paging, issue 19).
 */
export async function dueSoonRequestIds(
  db: Queryable,
  q: { ownParty: string; statuses: readonly string[]; now: string; until: string; keyPrefix: string; limit: number },
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT r.id FROM requests r
      WHERE r.requested_party = $1 AND r.status = ANY($2::text[])
        AND r.doc->'clocks'->>'pausedAt' IS NULL AND r.doc->'clocks'->>'responseClockStartAt' IS NOT NULL
        AND (r.doc->'clocks'->>'responseDueAt')::timestamptz > $3::timestamptz
        AND (r.doc->'clocks'->>'responseDueAt')::timestamptz <= $4::timestamptz
        AND NOT EXISTS (SELECT 1 FROM clock_events e WHERE e.subject_type = 'request' AND e.subject_id = r.id
                          AND e.event = $5 || (r.doc->'clocks'->>'responseDueAt'))
      ORDER BY (r.doc->'clocks'->>'responseDueAt')::timestamptz LIMIT $6`,
    [q.ownParty, q.statuses, q.now, q.until, q.keyPrefix, q.limit],
  );
  return rows.map((r) => r.id);
}
