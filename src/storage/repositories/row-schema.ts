// zod pieces for reading SQL rows at the repository boundary, so a mapper states what each column
// holds instead of casting it; a row that does not match raises a StoredDocumentError naming the
// table, the row and the columns. Schemas are built once, at import.
import { z } from 'zod';
import type { Row } from '../db.js';
import { StoredDocumentError } from './stored-document-error.js';

/** A timestamptz column (pg gives a Date; a text cast gives a string) as an ISO-8601 UTC instant. */
export const zInstant = z.union([z.date(), z.string()]).transform((v) => new Date(v).toISOString());
export const zInstantOrNull = z
  .union([z.date(), z.string()])
  .nullable()
  .transform((v) => (v === null ? null : new Date(v).toISOString()));
/** A nullable column that an older row or a LEFT JOIN may leave out entirely. */
export const zNullableString = z
  .string()
  .nullish()
  .transform((v) => v ?? null);

/** The row as the schema reads it; throws naming the table, the row's id and the failing columns. */
export function parseRow<S extends z.ZodType>(schema: S, table: string, row: Row): z.output<S> {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const id = typeof row.id === 'string' ? row.id : '?';
  throw new StoredDocumentError(
    table,
    id,
    'read',
    parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}
