// Table-level SQL for backup and restore, from the catalogue so it follows every migration without
// a list to maintain: tables and columns of the current schema, foreign keys, owned sequences,
// streaming reads through a cursor, and chunked inserts. Values travel in PostgreSQL's text form.
import type { Queryable } from './db.js';

export type TableInfo = { table: string; columns: string[]; types: string[]; primaryKey: string[] };
export type ForeignKey = { table: string; references: string; name: string; definition: string };

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Ordinary tables of the current schema with their stored (non-generated) columns, by name. */
export async function listTables(db: Queryable): Promise<TableInfo[]> {
  const rows = await db.query<{ table_name: string; column_name: string; type: string; is_pk: boolean }>(
    `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
            EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary AND a.attnum = ANY (i.indkey)) AS is_pk
       FROM pg_class c
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relkind = 'r' AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
      ORDER BY c.relname, a.attnum`,
  );
  const tables = new Map<string, TableInfo>();
  for (const r of rows) {
    const t = tables.get(r.table_name) ?? { table: r.table_name, columns: [], types: [], primaryKey: [] };
    t.columns.push(r.column_name);
    t.types.push(r.type);
    if (r.is_pk) t.primaryKey.push(r.column_name);
    tables.set(r.table_name, t);
  }
  return [...tables.values()];
}

export async function listForeignKeys(db: Queryable): Promise<ForeignKey[]> {
  return db.query<ForeignKey>(
    `SELECT t.relname AS "table", r.relname AS "references", c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class r ON r.oid = c.confrelid
      WHERE c.contype = 'f' AND c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
      ORDER BY 1, 3`,
  );
}

/** Opens a cursor over a table in the caller's transaction, ordered by primary key for a stable file. */
export async function openTableCursor(tx: Queryable, t: TableInfo, cursor: string): Promise<void> {
  const cols = t.columns.map((c, i) => `${ident(c)}::text AS c${i}`).join(', ');
  const order = t.primaryKey.length ? ` ORDER BY ${t.primaryKey.map(ident).join(', ')}` : '';
  await tx.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${cols} FROM ${ident(t.table)}${order}`);
}

export async function fetchRows(
  tx: Queryable,
  t: TableInfo,
  cursor: string,
  count: number,
): Promise<(string | null)[][]> {
  const rows = await tx.query<Record<string, string | null>>(
    `FETCH FORWARD ${Math.max(1, Math.floor(count))} FROM ${cursor}`,
  );
  return rows.map((r) => t.columns.map((_, i) => r[`c${i}`] ?? null));
}

export async function closeCursor(tx: Queryable, cursor: string): Promise<void> {
  await tx.query(`CLOSE ${cursor}`);
}

/** Inserts one chunk in one statement: each text value is cast to its column's type by the type's own input function. */
export async function insertRows(
  tx: Queryable,
  table: string,
  columns: string[],
  types: string[],
  rows: (string | null)[][],
): Promise<void> {
  if (rows.length === 0) return;
  const values = types.map((type, i) => `(r->>${i})::${type}`).join(', ');
  await tx.query(
    `INSERT INTO ${ident(table)} (${columns.map(ident).join(', ')}) OVERRIDING SYSTEM VALUE
     SELECT ${values} FROM jsonb_array_elements($1::jsonb) AS r`,
    [JSON.stringify(rows)],
  );
}

/** Empties the given tables (seed rows the migrations inserted); TRUNCATE is not stopped by row triggers. */
export async function truncateTables(tx: Queryable, tables: string[]): Promise<void> {
  if (tables.length) await tx.query(`TRUNCATE ${tables.map(ident).join(', ')}`);
}

export async function dropForeignKey(tx: Queryable, fk: ForeignKey): Promise<void> {
  await tx.query(`ALTER TABLE ${ident(fk.table)} DROP CONSTRAINT ${ident(fk.name)}`);
}

/** Re-adding validates every restored row against the constraint. */
export async function addForeignKey(tx: Queryable, fk: ForeignKey): Promise<void> {
  await tx.query(`ALTER TABLE ${ident(fk.table)} ADD CONSTRAINT ${ident(fk.name)} ${fk.definition}`);
}

/** Moves each column-owned sequence (bigserial, identity) past the restored values. */
export async function resetSequences(tx: Queryable): Promise<number> {
  const seqs = await tx.query<{ seq: string; tbl: string; col: string }>(
    `SELECT s.oid::regclass::text AS seq, t.relname AS tbl, a.attname AS col
       FROM pg_class s
       JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE s.relkind = 'S' AND s.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`,
  );
  for (const s of seqs) {
    await tx.query(
      `SELECT setval($1::regclass, COALESCE((SELECT max(${ident(s.col)}) FROM ${ident(s.tbl)}), 1),
                     (SELECT max(${ident(s.col)}) FROM ${ident(s.tbl)}) IS NOT NULL)`,
      [s.seq],
    );
  }
  return seqs.length;
}

/** Number of tables in the current schema: a restore target must have none. */
export async function countTables(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class WHERE relkind IN ('r', 'p') AND relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`,
  );
  return row?.n ?? 0;
}
