// SQL for evidence items (metadata and encryption parameters, never the bytes) and their
// append-only chain of custody.
import type { CustodyEvent, EvidenceRecord } from '../../domain/case/index.js';
import type { Queryable } from '../db.js';
import { insertDocument, updateDocument, type Columns } from './document-store.js';

const TABLE = 'case_evidence';

/** The domain record has no version of its own; the row's version guards custody-head updates. */
export type StoredEvidence = { record: EvidenceRecord; version: number };

function columns(e: EvidenceRecord): Columns {
  return { case_id: e.caseId, sha256: e.sha256, size: e.size, created_at: e.createdAt };
}

export async function insertEvidence(tx: Queryable, e: EvidenceRecord): Promise<void> {
  await insertDocument(tx, TABLE, e.id, 1, columns(e), e);
}

export async function updateEvidence(tx: Queryable, e: EvidenceRecord, expectedVersion: number): Promise<void> {
  await updateDocument(tx, TABLE, e.id, expectedVersion, expectedVersion + 1, columns(e), e);
}

export async function findEvidence(db: Queryable, id: string, forUpdate = false): Promise<StoredEvidence | null> {
  const rows = await db.query<{ doc: EvidenceRecord; version: number }>(
    `SELECT doc, version FROM case_evidence WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id],
  );
  return rows[0] ? { record: rows[0].doc, version: rows[0].version } : null;
}

export async function listCaseEvidence(db: Queryable, caseId: string): Promise<EvidenceRecord[]> {
  const rows = await db.query<{ doc: EvidenceRecord }>('SELECT doc FROM case_evidence WHERE case_id = $1 ORDER BY created_at, id', [caseId]);
  return rows.map((r) => r.doc);
}

export async function insertCustodyEvent(tx: Queryable, e: CustodyEvent): Promise<void> {
  await tx.query(
    'INSERT INTO custody_events (evidence_id, seq, kind, at, doc) VALUES ($1, $2, $3, $4, $5::jsonb)',
    [e.evidenceId, e.seq, e.kind, e.at, JSON.stringify(e)],
  );
}

/** The chain as stored, by sequence number (verification checks it, so nothing is trusted here). */
export async function listCustodyEvents(db: Queryable, evidenceId: string): Promise<CustodyEvent[]> {
  const rows = await db.query<{ doc: CustodyEvent }>('SELECT doc FROM custody_events WHERE evidence_id = $1 ORDER BY seq', [evidenceId]);
  return rows.map((r) => r.doc);
}
