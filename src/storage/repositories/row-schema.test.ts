// Row schemas at the repository boundary: timestamps become ISO instants, absent nullable columns
// become null, and a row that does not match names its table, id and columns.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseRow, zInstant, zInstantOrNull, zNullableString } from './row-schema.js';
import { StoredDocumentError } from './stored-document-error.js';

const ZRow = z.object({
  id: z.string(),
  at: zInstant,
  done_at: zInstantOrNull,
  note: zNullableString,
  count: z.number(),
});

describe('row schemas', () => {
  it('reads timestamps (Date or text) as ISO instants and missing nullable columns as null', () => {
    const row = { id: 'r1', at: new Date('2026-03-02T08:00:00Z'), done_at: '2026-03-02 09:30:00+00', count: 2 };
    expect(parseRow(ZRow, 'things', row)).toEqual({
      id: 'r1',
      at: '2026-03-02T08:00:00.000Z',
      done_at: '2026-03-02T09:30:00.000Z',
      note: null,
      count: 2,
    });
  });

  it('raises an error naming table, row and columns when a column does not match', () => {
    let caught: unknown;
    try {
      parseRow(ZRow, 'things', { id: 'r2', at: 42, done_at: null, count: '2' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(StoredDocumentError);
    expect(caught).toMatchObject({ table: 'things', id: 'r2', operation: 'read' });
    expect((caught as StoredDocumentError).problems.map((p) => p.path)).toEqual(['at', 'count']);
  });
});
