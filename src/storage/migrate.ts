// Applies the SQL migrations in src/storage/migrations in name order, once each.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../shared/project-root.js';
import type { Db } from './db.js';

const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'src', 'storage', 'migrations');

export function listMigrations(): { name: string; sql: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8') }));
}

/** Applies every known migration, or with `only` just those named (a restore rebuilds a backup's exact schema). */
export async function migrate(db: Db, only?: ReadonlySet<string>): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  // Usually all are applied: one read instead of a locked transaction per migration at every start.
  const already = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
  for (const m of listMigrations()) {
    if (only && !only.has(m.name)) continue;
    if (already.has(m.name)) continue;
    const done = await db.transaction(async (tx) => {
      // Several node processes may share one database: take a lock so only one migrates.
      await tx.query('SELECT pg_advisory_xact_lock(7400001)');
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [m.name]);
      if (rows.length > 0) return false;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [m.name]);
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}

/** Splits a migration on `;` at line ends; migrations keep one statement per `;`-terminated block. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
