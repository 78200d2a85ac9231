// Aggregates (requests, calls, cases, meetings ...) are stored as their domain record in a jsonb
// `doc` column plus a few indexed columns for lists and deadlines. Updates check the version, so
// two people changing one record at once get a clear 409 instead of a lost update. Every document
// is checked against its kind's schema on the way in and out (document-codec.ts).
import { AppError } from '../../errors.js';
import type { Queryable } from '../db.js';
import { decodeDocument, encodeDocument, type DocumentKind } from './document-codec.js';
import { withRider, type GatedWrite } from './gated-write.js';

export type Columns = Record<string, string | number | boolean | null | readonly string[]>;

const IDENT = /^[a-z_][a-z0-9_]*$/;
function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`bad identifier ${name}`);
  return name;
}

/** Inserts the record; `rider` (gated-write.ts) writes what belongs with it in the same statement. */
export async function insertDocument<T extends object>(
  tx: Queryable,
  kind: DocumentKind<T>,
  id: string,
  version: number,
  columns: Columns,
  doc: T,
  rider?: GatedWrite,
): Promise<void> {
  const json = encodeDocument(kind, id, doc);
  const names = Object.keys(columns).map(ident);
  const values = Object.values(columns);
  const placeholders = names.map((_, i) => `$${i + 4}`);
  const insert = `INSERT INTO ${ident(kind.table)} (id, version, doc${names.map((n) => `, ${n}`).join('')})
     VALUES ($1, $2, $3::jsonb${placeholders.map((p) => `, ${p}`).join('')})`;
  if (!rider) {
    await tx.query(insert, [id, version, json, ...values]);
    return;
  }
  const { ctes, params } = withRider(`${insert} RETURNING id`, 'written', [id, version, json, ...values], rider);
  await tx.query(
    `${ctes}
     SELECT id FROM written`,
    params,
  );
}

/**
 * Writes the new version; throws CONFLICT when someone else wrote in between. `rider` (gated-write.ts)
 * writes what belongs with the record in the same statement, and nothing on a conflict.
 */
export async function updateDocument<T extends object>(
  tx: Queryable,
  kind: DocumentKind<T>,
  id: string,
  expectedVersion: number,
  newVersion: number,
  columns: Columns,
  doc: T,
  rider?: GatedWrite,
): Promise<void> {
  const json = encodeDocument(kind, id, doc);
  const names = Object.keys(columns).map(ident);
  const sets = names.map((n, i) => `${n} = $${i + 5}`);
  const update = `UPDATE ${ident(kind.table)} SET doc = $3::jsonb, version = $4${sets.map((s) => `, ${s}`).join('')}
     WHERE id = $1 AND version = $2 RETURNING id`;
  const { ctes, params } = withRider(
    update,
    'written',
    [id, expectedVersion, json, newVersion, ...Object.values(columns)],
    rider,
  );
  const rows = await tx.query(
    `${ctes}
     SELECT id FROM written`,
    params,
  );
  if (rows.length !== 1) throw new AppError('CONFLICT', { details: { id, expectedVersion } });
}

export async function loadDocument<T extends object>(
  db: Queryable,
  kind: DocumentKind<T>,
  id: string,
  forUpdate = false,
): Promise<T | null> {
  const rows = await db.query<{ doc: unknown }>(
    `SELECT doc FROM ${ident(kind.table)} WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const row = rows[0];
  return row ? decodeDocument(kind, row.doc, id) : null;
}

/** A document with the row's optimistic-lock version (kinds whose record does not carry it). */
export async function loadVersionedDocument<T extends object>(
  db: Queryable,
  kind: DocumentKind<T>,
  id: string,
  forUpdate = false,
): Promise<{ doc: T; version: number } | null> {
  const rows = await db.query<{ doc: unknown; version: unknown }>(
    `SELECT doc, version FROM ${ident(kind.table)} WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  if (typeof row.version !== 'number') throw new Error(`${kind.table}/${id}: version column is not a number`);
  return { doc: decodeDocument(kind, row.doc, id), version: row.version };
}
