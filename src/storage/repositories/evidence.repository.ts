// SQL for evidence items (metadata and encryption parameters, never the bytes) and their
// append-only chain of custody.
import type { CustodyEvent, EvidenceRecord } from '../../domain/case/index.js';
import { CUSTODY_EVENT_DOCUMENT, EVIDENCE_DOCUMENT } from '../../domain/case/record-schema.js';
import type { Queryable } from '../db.js';
import { decodeDocuments, documentKind, encodeDocument } from './document-codec.js';
import { insertDocument, loadVersionedDocument, updateDocument, type Columns } from './document-store.js';

export const EVIDENCE = documentKind('case_evidence', EVIDENCE_DOCUMENT);
export const CUSTODY_EVENTS = documentKind('custody_events', CUSTODY_EVENT_DOCUMENT);

/** The domain record has no version of its own; the row's version guards custody-head updates. */
export type StoredEvidence = { record: EvidenceRecord; version: number };

function columns(e: EvidenceRecord): Columns {
  return { case_id: e.caseId, sha256: e.sha256, size: e.size, created_at: e.createdAt };
}

export async function insertEvidence(tx: Queryable, e: EvidenceRecord): Promise<void> {
  await insertDocument(tx, EVIDENCE, e.id, 1, columns(e), e);
}

export async function updateEvidence(tx: Queryable, e: EvidenceRecord, expectedVersion: number): Promise<void> {
  await updateDocument(tx, EVIDENCE, e.id, expectedVersion, expectedVersion + 1, columns(e), e);
}

export async function findEvidence(db: Queryable, id: string, forUpdate = false): Promise<StoredEvidence | null> {
  const found = await loadVersionedDocument(db, EVIDENCE, id, forUpdate);
  return found ? { record: found.doc, version: found.version } : null;
}

export async function listCaseEvidence(db: Queryable, caseId: string): Promise<EvidenceRecord[]> {
  const rows = await db.query<{ doc: unknown }>(
    'SELECT doc FROM case_evidence WHERE case_id = $1 ORDER BY created_at, id',
    [caseId],
  );
  return decodeDocuments(EVIDENCE, rows);
}

export async function insertCustodyEvent(tx: Queryable, e: CustodyEvent): Promise<void> {
  await tx.query('INSERT INTO custody_events (evidence_id, seq, kind, at, doc) VALUES ($1, $2, $3, $4, $5::jsonb)', [
    e.evidenceId,
    e.seq,
    e.kind,
    e.at,
    encodeDocument(CUSTODY_EVENTS, `${e.evidenceId}#${e.seq}`, e),
  ]);
}

/** The chain as stored, by sequence number (verification checks it, so nothing is trusted here). */
export async function listCustodyEvents(db: Queryable, evidenceId: string): Promise<CustodyEvent[]> {
  const rows = await db.query<{ doc: unknown }>('SELECT doc FROM custody_events WHERE evidence_id = $1 ORDER BY seq', [
    evidenceId,
  ]);
  return decodeDocuments(CUSTODY_EVENTS, rows);
}
