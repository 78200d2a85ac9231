// SQL for cases: versioned documents plus the columns lists filter on (status, members, categories).
import { CASE_DOCUMENT } from '../../domain/case/record-schema.js';
import type { CaseRecord, CaseStatus, CrimeCategory } from '../../domain/case/index.js';
import type { Queryable } from '../db.js';
import { decodeDocuments, documentKind } from './document-codec.js';
import { insertDocument, loadDocument, updateDocument, type Columns } from './document-store.js';

export const CASES = documentKind('cases', CASE_DOCUMENT);

function columns(c: CaseRecord): Columns {
  return {
    reference: c.reference,
    status: c.status,
    lead_party: c.leadParty,
    tlp: c.tlp,
    confidentiality: c.confidentiality,
    crime_categories: c.crimeCategories,
    member_ids: c.members.map((m) => m.userId),
    lead_ids: c.members.filter((m) => m.caseRole === 'lead').map((m) => m.userId),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

export async function insertCase(tx: Queryable, c: CaseRecord): Promise<void> {
  await insertDocument(tx, CASES, c.id, c.version, columns(c), c);
}

export async function updateCase(tx: Queryable, c: CaseRecord, expectedVersion: number): Promise<void> {
  await updateDocument(tx, CASES, c.id, expectedVersion, c.version, columns(c), c);
}

export function findCase(db: Queryable, id: string, forUpdate = false): Promise<CaseRecord | null> {
  return loadDocument(db, CASES, id, forUpdate);
}

/** The cases with these ids (in no particular order); ids of no case are left out. */
export async function findCasesByIds(db: Queryable, ids: readonly string[]): Promise<CaseRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<{ doc: unknown }>('SELECT doc FROM cases WHERE id = ANY($1::text[])', [
    [...new Set(ids)],
  ]);
  return decodeDocuments(CASES, rows);
}

/** The id of another case already using this reference, if any. */
export async function caseIdByReference(db: Queryable, reference: string): Promise<string | null> {
  const rows = await db.query<{ id: string }>('SELECT id FROM cases WHERE reference = $1', [reference]);
  return rows[0]?.id ?? null;
}

export type CaseFilter = {
  status?: CaseStatus[];
  category?: CrimeCategory[];
  q?: string;
  /** Only cases this user is a member of (everyone but admins, who manage membership of all). */
  memberId?: string;
  /** Only cases this user leads. */
  leadId?: string;
  limit: number;
  offset: number;
};

export async function listCases(db: Queryable, f: CaseFilter): Promise<CaseRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.status?.length) where.push(`status = ANY(${p(f.status)}::text[])`);
  if (f.category?.length) where.push(`crime_categories && ${p(f.category)}::text[]`);
  if (f.memberId) where.push(`member_ids @> ARRAY[${p(f.memberId)}]::text[]`);
  if (f.leadId) where.push(`lead_ids @> ARRAY[${p(f.leadId)}]::text[]`);
  if (f.q) {
    const like = p(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(reference ILIKE ${like} OR doc->'title'->>'en' ILIKE ${like} OR doc->'title'->>'zh' ILIKE ${like})`);
  }
  const rows = await db.query<{ doc: unknown }>(
    `SELECT doc FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY updated_at DESC, id DESC LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`,
    params,
  );
  return decodeDocuments(CASES, rows);
}
