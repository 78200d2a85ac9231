// Writes records into the full-text index, in the caller's transaction so the index never shows
// a change that rolled back (and never misses one that committed).
import { buildTsVector } from '../../domain/search/tsvector.js';
import type { Queryable } from '../../storage/db.js';
import type { GatedWrite } from '../../storage/repositories/gated-write.js';
import {
  deleteSearchRow,
  searchRowRider,
  upsertSearchRows,
  type SearchKind,
  type SearchRow,
} from '../../storage/repositories/search-index.repository.js';
import type { SearchDocument } from './search-documents.js';

export function searchRowOf(doc: SearchDocument): SearchRow {
  return {
    ...doc,
    vector: buildTsVector([
      { text: doc.title, weight: 'A' },
      { text: doc.body, weight: 'B' },
    ]),
  };
}

export async function indexSearchDocument(tx: Queryable, doc: SearchDocument): Promise<void> {
  await upsertSearchRows(tx, [searchRowOf(doc)]);
}

/** The document's index row as a rider of the statement that writes its record (one round trip for both). */
export function searchDocumentRider(doc: SearchDocument): GatedWrite {
  return searchRowRider(searchRowOf(doc));
}

/** The index rows of a batch of documents (tokenised here, in the node), to write with upsertSearchRows. */
export function searchRowsOf(docs: readonly SearchDocument[]): SearchRow[] {
  return docs.map(searchRowOf);
}

export async function indexSearchDocuments(tx: Queryable, docs: readonly SearchDocument[]): Promise<void> {
  await upsertSearchRows(tx, searchRowsOf(docs));
}

export async function removeSearchDocument(tx: Queryable, kind: SearchKind, refId: string): Promise<void> {
  await deleteSearchRow(tx, kind, refId);
}
