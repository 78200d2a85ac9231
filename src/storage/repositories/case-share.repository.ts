// SQL that case sharing needs: the local copy of a peer's case, the cases a request's evidence may
// go to, and the local users who receive what peers share.
import type { CaseRecord } from '../../domain/case/index.js';
import type { Role } from '../../domain/shared/roles.js';
import type { Queryable } from '../db.js';
import { CASES } from './case.repository.js';
import { decodeDocument, decodeDocuments } from './document-codec.js';

export async function findSharedCopy(db: Queryable, party: string, caseId: string): Promise<CaseRecord | null> {
  const rows = await db.query<{ doc: unknown }>(
    `SELECT doc FROM cases WHERE doc->'sharedFrom'->>'party' = $1 AND doc->'sharedFrom'->>'caseId' = $2
     ORDER BY created_at, id LIMIT 1 FOR UPDATE`,
    [party, caseId],
  );
  return rows[0] ? decodeDocument(CASES, rows[0].doc) : null;
}

/** Cases linked to the request first, then the one whose reference is the request's case reference. */
export async function findCasesForRequest(db: Queryable, requestId: string, caseRef: string): Promise<CaseRecord[]> {
  const rows = await db.query<{ doc: unknown }>(
    `SELECT doc FROM cases WHERE doc->'linkedRequestIds' @> $1::jsonb OR reference = $2
     ORDER BY (doc->'linkedRequestIds' @> $1::jsonb) DESC, created_at, id FOR UPDATE`,
    [JSON.stringify([requestId]), caseRef],
  );
  return decodeDocuments(CASES, rows);
}

/** Enabled users holding the role, oldest account first (the first one leads a received case). */
export async function activeUsersWithRole(db: Queryable, role: Role): Promise<{ id: string; roles: Role[] }[]> {
  return db.query<{ id: string; roles: Role[] }>(
    'SELECT id, roles FROM users WHERE $1 = ANY(roles) AND NOT disabled ORDER BY created_at, id',
    [role],
  );
}
