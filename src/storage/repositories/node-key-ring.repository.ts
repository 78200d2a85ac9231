// SQL for the node's sealed federation key ring (node_key_ring, one row).
import type { Queryable } from '../db.js';

export type StoredKeyRing = { sealed: string; version: number };

export async function readKeyRing(db: Queryable): Promise<StoredKeyRing | null> {
  const [row] = await db.query<{ sealed: string; version: number }>(
    'SELECT sealed, version FROM node_key_ring WHERE id = 1',
  );
  return row ? { sealed: row.sealed, version: row.version } : null;
}

export async function keyRingVersion(db: Queryable): Promise<number | null> {
  const [row] = await db.query<{ version: number }>('SELECT version FROM node_key_ring WHERE id = 1');
  return row?.version ?? null;
}

/** Stores the first ring unless another process stored one first (theirs wins; re-read it). */
export async function insertKeyRing(db: Queryable, sealed: string, now: Date): Promise<void> {
  await db.query(
    'INSERT INTO node_key_ring (id, sealed, version, updated_at) VALUES (1, $1, 1, $2) ON CONFLICT (id) DO NOTHING',
    [sealed, now.toISOString()],
  );
}

/** Replaces the ring if it is still at `version` (a concurrent rotation makes this return false). */
export async function replaceKeyRing(tx: Queryable, sealed: string, version: number, now: Date): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE node_key_ring SET sealed = $1, version = version + 1, updated_at = $3 WHERE id = 1 AND version = $2 RETURNING 1',
    [sealed, version, now.toISOString()],
  );
  return rows.length > 0;
}

/** True when the table exists (a restore rebuilds exactly a backup's schema, which may predate it). */
export async function hasKeyRingTable(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>(`SELECT to_regclass('node_key_ring') IS NOT NULL AS present`);
  return row?.present ?? false;
}
