// SQL for what hangs off a request without being part of it: the cases linked to it, the evidence
// items filed for it or delivered with its steps, the outbox messages a receipt names, and the
// users of this node who have worked on it (as its audit entries record them).
import type { CaseRecord, EvidenceRecord } from '../../domain/case/index.js';
import type { Role } from '../../domain/shared/roles.js';
import type { Queryable } from '../db.js';
import { CASES } from './case.repository.js';
import { decodeDocuments } from './document-codec.js';
import { EVIDENCE } from './evidence.repository.js';

/** Cases whose links name the request, oldest first (no lock: a read). */
export async function casesLinkedToRequest(db: Queryable, requestId: string): Promise<CaseRecord[]> {
  const rows = await db.query<{ doc: unknown }>(
    `SELECT doc FROM cases WHERE doc->'linkedRequestIds' @> $1::jsonb ORDER BY created_at, id`,
    [JSON.stringify([requestId])],
  );
  return decodeDocuments(CASES, rows);
}

/** Items filed for the request (`requestId`) or named by its fulfilment steps (`ids`), oldest first. */
export async function evidenceForRequest(
  db: Queryable,
  requestId: string,
  ids: readonly string[],
): Promise<EvidenceRecord[]> {
  const rows = await db.query<{ doc: unknown }>(
    `SELECT doc FROM case_evidence WHERE doc->>'requestId' = $1 OR id = ANY($2::text[]) ORDER BY created_at, id`,
    [requestId, [...ids]],
  );
  return decodeDocuments(EVIDENCE, rows);
}

/** Channel sequence numbers of outbox messages (a receipt names messages by id only). */
export async function outboxSeqs(
  db: Queryable,
  mids: readonly string[],
): Promise<Map<string, { seq: number; channel: string }>> {
  if (mids.length === 0) return new Map();
  const rows = await db.query<{ mid: string; seq: number; channel: string }>(
    'SELECT mid, seq, channel FROM federation_outbox WHERE mid = ANY($1::text[])',
    [[...mids]],
  );
  return new Map(rows.map((r) => [r.mid, { seq: Number(r.seq), channel: r.channel }]));
}

/** Users of this node who created or acted on the record, first to act first; disabled accounts left out. */
export async function activeUsersOnRecord(
  db: Queryable,
  subjectType: string,
  subjectId: string,
): Promise<{ id: string; roles: Role[] }[]> {
  return db.query<{ id: string; roles: Role[] }>(
    `SELECT u.id, u.roles FROM users u
       JOIN (SELECT actor_id, min(seq) AS first FROM audit_log
              WHERE subject_type = $1 AND subject_id = $2 AND actor_kind = 'user' GROUP BY actor_id) a ON a.actor_id = u.id
      WHERE NOT u.disabled ORDER BY a.first`,
    [subjectType, subjectId],
  );
}
