// The repository boundary of stored documents, without a database: what a write stores, what a read
// gives back (upgraded, checked), and the error that names table, id and failing paths.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REQUEST_DOCUMENT } from '../../domain/request/record-schema.js';
import { draft } from '../../domain/request/test-fixtures.js';
import { storedDocument, VERSION_ZERO_TO_ONE } from '../../domain/shared/stored-document.js';
import { decodeDocument, decodeDocuments, documentKind, encodeDocument, SCHEMA_VERSION_KEY } from './document-codec.js';
import { StoredDocumentError } from './stored-document-error.js';

const REQUESTS = documentKind('requests', REQUEST_DOCUMENT);

function caught(fn: () => unknown): StoredDocumentError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StoredDocumentError) return e;
    throw e;
  }
  throw new Error('expected a StoredDocumentError');
}

describe('document codec', () => {
  const record = draft();

  it('stores the checked record with the current schema version, and reads it back equal', () => {
    const json = encodeDocument(REQUESTS, record.id, record);
    const stored = JSON.parse(json) as Record<string, unknown>;
    expect(stored[SCHEMA_VERSION_KEY]).toBe(1);
    expect(decodeDocument(REQUESTS, stored)).toEqual(record);
  });

  it('reads a version-0 document (as written before versions, no version key) upgraded to the current shape', () => {
    const versionZero: unknown = JSON.parse(JSON.stringify(record));
    const read = decodeDocument(REQUESTS, versionZero);
    expect(read).toEqual(record);
    expect(read).not.toHaveProperty(SCHEMA_VERSION_KEY);
  });

  it('refuses to write a record that does not match its schema, naming table, id and paths', () => {
    const broken = {
      ...record,
      status: 'lost',
      clocks: { ...record.clocks, renewalCount: 'two' },
    } as unknown as typeof record;
    const e = caught(() => encodeDocument(REQUESTS, record.id, broken));
    expect(e).toMatchObject({ table: 'requests', id: record.id, operation: 'write' });
    expect(e.problems.map((p) => p.path)).toEqual(['status', 'clocks.renewalCount']);
    expect(e.message).toContain(`requests/${record.id}`);
    expect(e.message).toContain('clocks.renewalCount');
  });

  it('raises a clear error on a stored document that fails its schema, never returning it', () => {
    const stored = {
      ...JSON.parse(encodeDocument(REQUESTS, record.id, record)),
      identifiers: [{ kind: 'pager', value: 1 }],
    };
    const e = caught(() => decodeDocuments(REQUESTS, [{ doc: stored }]));
    expect(e).toMatchObject({ table: 'requests', id: record.id, operation: 'read' });
    expect(e.problems.map((p) => p.path)).toEqual(['identifiers.0.kind', 'identifiers.0.value']);
  });

  it('refuses a document from a newer schema version or one that is not an object', () => {
    const future = { ...JSON.parse(encodeDocument(REQUESTS, record.id, record)), [SCHEMA_VERSION_KEY]: 2 };
    expect(caught(() => decodeDocument(REQUESTS, future)).problems[0]?.path).toBe(SCHEMA_VERSION_KEY);
    expect(caught(() => decodeDocument(REQUESTS, '"text"', 'r-1'))).toMatchObject({ id: 'r-1', operation: 'read' });
  });

  it('runs the upgrade chain of an older stored version before the check', () => {
    const NOTES = documentKind(
      'notes',
      storedDocument('note', z.object({ id: z.string(), text: z.string() }), [
        VERSION_ZERO_TO_ONE,
        ({ body, ...rest }) => ({ ...rest, text: body }),
      ]),
    );
    expect(decodeDocument(NOTES, { id: 'n1', body: 'old', [SCHEMA_VERSION_KEY]: 1 })).toEqual({
      id: 'n1',
      text: 'old',
    });
    expect(decodeDocument(NOTES, { id: 'n2', body: 'older' })).toEqual({ id: 'n2', text: 'older' });
    expect(decodeDocument(NOTES, { id: 'n3', text: 'new', [SCHEMA_VERSION_KEY]: 2 })).toEqual({
      id: 'n3',
      text: 'new',
    });
  });
});
