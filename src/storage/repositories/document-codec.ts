// Checks documents at the repository boundary: before a write (the record must match its kind's
// schema; the current schema version is stamped on it) and after a read (older versions run their
// upgrade chain, then the schema check). Schemas are built once per kind, at import.
import type { z } from 'zod';
import {
  currentVersion,
  upgradeDocument,
  type RawDocument,
  type StoredDocumentSpec,
} from '../../domain/shared/stored-document.js';
import { StoredDocumentError, type DocumentProblem } from './stored-document-error.js';

/** Key of the schema version inside the stored JSON; absent on documents written before versions (= 0). */
export const SCHEMA_VERSION_KEY = 'schemaVersion';

export type DocumentKind<T extends object> = StoredDocumentSpec<T> & { table: string; version: number };

export function documentKind<T extends object>(table: string, spec: StoredDocumentSpec<T>): DocumentKind<T> {
  return { ...spec, table, version: currentVersion(spec) };
}

function problemsOf(error: z.ZodError): DocumentProblem[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

function isObject(v: unknown): v is RawDocument {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function withoutVersion(stored: RawDocument): RawDocument {
  const { [SCHEMA_VERSION_KEY]: _version, ...doc } = stored;
  return doc;
}

/** The JSON to store: the checked record plus its schema version. Throws before any SQL runs. */
export function encodeDocument<T extends object>(kind: DocumentKind<T>, id: string, doc: T): string {
  const checked = kind.schema.safeParse(doc);
  if (!checked.success) throw new StoredDocumentError(kind.table, id, 'write', problemsOf(checked.error));
  // The parsed copy is this function's own: stamp the version on it rather than copy it again.
  return JSON.stringify(Object.assign(checked.data, { [SCHEMA_VERSION_KEY]: kind.version }));
}

/** The record a stored document holds, upgraded to the current version and checked. */
export function decodeDocument<T extends object>(kind: DocumentKind<T>, stored: unknown, rowId?: string): T {
  const id = rowId ?? (isObject(stored) && typeof stored.id === 'string' ? stored.id : '?');
  if (!isObject(stored))
    throw new StoredDocumentError(kind.table, id, 'read', [{ path: '', message: 'not a JSON object' }]);
  const raw = stored[SCHEMA_VERSION_KEY];
  const version = raw === undefined ? 0 : raw;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0 || version > kind.version) {
    const message = `schema version ${JSON.stringify(raw)} is not one this node reads (0 to ${kind.version})`;
    throw new StoredDocumentError(kind.table, id, 'read', [{ path: SCHEMA_VERSION_KEY, message }]);
  }
  // A current document is parsed unchanged (the schema drops the version key); an older one is upgraded first.
  const checked = kind.schema.safeParse(
    version === kind.version ? stored : upgradeDocument(kind, withoutVersion(stored), version),
  );
  if (!checked.success) throw new StoredDocumentError(kind.table, id, 'read', problemsOf(checked.error));
  return checked.data;
}

/** Every row's `doc`, decoded; for list queries. */
export function decodeDocuments<T extends object>(kind: DocumentKind<T>, rows: readonly { doc: unknown }[]): T[] {
  return rows.map((r) => decodeDocument(kind, r.doc));
}
