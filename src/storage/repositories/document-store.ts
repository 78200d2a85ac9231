// Aggregates (requests, calls, cases, meetings ...) are stored as their domain record in a jsonb
// `doc` column plus a few indexed columns for lists and deadlines. Updates check the version, so
// two people changing one record at once get a clear 409 instead of a lost update.
import { AppError } from '../../errors.js';
import type { Queryable } from '../db.js';

export type Columns = Record<string, string | number | boolean | null | readonly string[]>;

const IDENT = /^[a-z_][a-z0-9_]*$/;
function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`bad identifier ${name}`);
  return name;
}

export async function insertDocument(tx: Queryable, table: string, id: string, version: number, columns: Columns, doc: unknown): Promise<void> {
  const names = Object.keys(columns).map(ident);
  const values = Object.values(columns);
  const placeholders = names.map((_, i) => `$${i + 4}`);
  await tx.query(
    `INSERT INTO ${ident(table)} (id, version, doc${names.map((n) => `, ${n}`).join('')})
     VALUES ($1, $2, $3::jsonb${placeholders.map((p) => `, ${p}`).join('')})`,
    [id, version, JSON.stringify(doc), ...values],
  );
}

/** Writes the new version; throws CONFLICT when someone else wrote in between. */
export async function updateDocument(
  tx: Queryable, table: string, id: string, expectedVersion: number, newVersion: number, columns: Columns, doc: unknown,
): Promise<void> {
  const names = Object.keys(columns).map(ident);
  const sets = names.map((n, i) => `${n} = $${i + 5}`);
  const rows = await tx.query(
    `UPDATE ${ident(table)} SET doc = $3::jsonb, version = $4${sets.map((s) => `, ${s}`).join('')}
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, expectedVersion, JSON.stringify(doc), newVersion, ...Object.values(columns)],
  );
  if (rows.length !== 1) throw new AppError('CONFLICT', { details: { id, expectedVersion } });
}

export async function loadDocument<T>(db: Queryable, table: string, id: string, forUpdate = false): Promise<T | null> {
  const rows = await db.query<{ doc: T }>(`SELECT doc FROM ${ident(table)} WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0]?.doc ?? null;
}
