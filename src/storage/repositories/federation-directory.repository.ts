// SQL for the membership directory: the versions this node applied (newest is current) and the
// versions peers sent that still wait to be applied.
import type { Queryable } from '../db.js';

/** What applying did for one member (a peer added, a rotation accepted, a card that did not match …). */
export type DirectoryOutcome = { party: string; outcome: string; detail?: string };

export type DirectoryVersionRow = {
  version: number;
  federation: string;
  hash: string;
  signed: unknown;
  diff: unknown;
  outcomes: DirectoryOutcome[];
  source: string;
  appliedAt: string;
  resyncedAt: string | null;
};

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

function toRow(r: Record<string, unknown>): DirectoryVersionRow {
  return {
    version: Number(r.version),
    federation: r.federation as string,
    hash: r.hash as string,
    signed: r.signed,
    diff: r.diff,
    outcomes: r.outcomes as DirectoryOutcome[],
    source: r.source as string,
    appliedAt: iso(r.applied_at) as string,
    resyncedAt: iso(r.resynced_at),
  };
}

/** Serialises appliers (an upload, a received version, a re-sync) for the rest of the transaction. */
export async function lockDirectory(tx: Queryable): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('crossline.federation_directory'))`);
}

export async function currentDirectoryVersion(db: Queryable): Promise<DirectoryVersionRow | null> {
  const rows = await db.query('SELECT * FROM federation_directory_versions ORDER BY version DESC LIMIT 1');
  return rows[0] ? toRow(rows[0]) : null;
}

export async function directoryVersionBefore(db: Queryable, version: number): Promise<DirectoryVersionRow | null> {
  const rows = await db.query(
    'SELECT * FROM federation_directory_versions WHERE version < $1 ORDER BY version DESC LIMIT 1',
    [version],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

export async function listDirectoryVersions(db: Queryable, limit: number): Promise<DirectoryVersionRow[]> {
  return (await db.query('SELECT * FROM federation_directory_versions ORDER BY version DESC LIMIT $1', [limit])).map(
    toRow,
  );
}

export async function insertDirectoryVersion(tx: Queryable, row: DirectoryVersionRow): Promise<void> {
  await tx.query(
    `INSERT INTO federation_directory_versions (version, federation, hash, signed, diff, outcomes, source, applied_at, resynced_at)
     VALUES ($1,$2,$3,$4::jsonb,$5::jsonb,$6::jsonb,$7,$8,$9)`,
    [
      row.version,
      row.federation,
      row.hash,
      JSON.stringify(row.signed),
      JSON.stringify(row.diff),
      JSON.stringify(row.outcomes),
      row.source,
      row.appliedAt,
      row.resyncedAt,
    ],
  );
}

/** A re-sync of the current version: newer outcomes, and signatures merged in from the copy applied. */
export async function updateDirectoryResync(
  tx: Queryable,
  version: number,
  signed: unknown,
  outcomes: DirectoryOutcome[],
  at: string,
): Promise<void> {
  await tx.query(
    'UPDATE federation_directory_versions SET signed = $2::jsonb, outcomes = $3::jsonb, resynced_at = $4 WHERE version = $1',
    [version, JSON.stringify(signed), JSON.stringify(outcomes), at],
  );
}

export type PendingDirectoryRow = {
  version: number;
  hash: string;
  signed: unknown;
  receivedFrom: string;
  receivedAt: string;
};

export async function insertPendingDirectory(tx: Queryable, row: PendingDirectoryRow): Promise<void> {
  await tx.query(
    `INSERT INTO federation_directory_pending (version, hash, signed, received_from, received_at) VALUES ($1,$2,$3::jsonb,$4,$5)
     ON CONFLICT (version, hash) DO NOTHING`,
    [row.version, row.hash, JSON.stringify(row.signed), row.receivedFrom, row.receivedAt],
  );
}

export async function listPendingDirectories(db: Queryable): Promise<PendingDirectoryRow[]> {
  const rows = await db.query('SELECT * FROM federation_directory_pending ORDER BY version, received_at');
  return rows.map((r) => ({
    version: Number(r.version),
    hash: r.hash as string,
    signed: r.signed,
    receivedFrom: r.received_from as string,
    receivedAt: iso(r.received_at) as string,
  }));
}

export async function deletePendingDirectory(db: Queryable, version: number, hash: string): Promise<void> {
  await db.query('DELETE FROM federation_directory_pending WHERE version = $1 AND hash = $2', [version, hash]);
}
