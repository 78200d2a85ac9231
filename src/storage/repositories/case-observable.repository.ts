// SQL for a case's observables: one row per (case, type, canonical value), merged in place.
import { OBSERVABLE_DOCUMENT } from '../../domain/case/record-schema.js';
import { createHash } from 'node:crypto';
import type { ObservableRecord } from '../../domain/case/index.js';
import type { Queryable } from '../db.js';
import { decodeDocuments, documentKind } from './document-codec.js';
import { insertDocument, updateDocument, type Columns } from './document-store.js';

export const CASE_OBSERVABLES = documentKind('case_observables', OBSERVABLE_DOCUMENT);

/** Hash of the canonical value: long URLs would not fit a B-tree index entry as they are. */
function valueHash(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

function columns(o: ObservableRecord): Columns {
  return {
    case_id: o.caseId,
    type: o.type,
    value: o.value,
    value_hash: valueHash(o.value),
    tlp: o.tlp,
    first_seen_at: o.firstSeenAt,
  };
}

export async function insertObservable(tx: Queryable, o: ObservableRecord): Promise<void> {
  await insertDocument(tx, CASE_OBSERVABLES, o.id, o.version, columns(o), o);
}

export async function updateObservable(tx: Queryable, o: ObservableRecord, expectedVersion: number): Promise<void> {
  await updateDocument(tx, CASE_OBSERVABLES, o.id, expectedVersion, o.version, columns(o), o);
}

/** Every observable of the case, in first-seen order (the order merging keeps). */
export async function listCaseObservables(db: Queryable, caseId: string): Promise<ObservableRecord[]> {
  const rows = await db.query<{ doc: unknown }>(
    'SELECT doc FROM case_observables WHERE case_id = $1 ORDER BY first_seen_at, id',
    [caseId],
  );
  return decodeDocuments(CASE_OBSERVABLES, rows);
}
