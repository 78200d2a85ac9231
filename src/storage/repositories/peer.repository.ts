// SQL for federation peers.
import type { Bilingual } from '../../error-types.js';
import type { Queryable } from '../db.js';

export type PeerStatus = 'active' | 'suspended';

export type PeerRow = {
  id: string; name: Bilingual; country: string; endpoint: string; card: Record<string, unknown>;
  fingerprint: string; status: PeerStatus; addedAt: string; updatedAt: string; version: number;
};

function toPeer(r: Record<string, unknown>): PeerRow {
  return {
    id: r.id as string, name: r.name as Bilingual, country: r.country as string, endpoint: r.endpoint as string,
    card: r.card as Record<string, unknown>, fingerprint: r.fingerprint as string, status: r.status as PeerStatus,
    addedAt: new Date(r.added_at as string).toISOString(), updatedAt: new Date(r.updated_at as string).toISOString(),
    version: r.version as number,
  };
}

export async function findPeer(db: Queryable, id: string): Promise<PeerRow | null> {
  const rows = await db.query('SELECT * FROM peers WHERE id = $1', [id]);
  return rows[0] ? toPeer(rows[0]) : null;
}

export async function listPeers(db: Queryable): Promise<PeerRow[]> {
  return (await db.query('SELECT * FROM peers ORDER BY id')).map(toPeer);
}

export async function insertPeer(tx: Queryable, p: PeerRow): Promise<void> {
  await tx.query(
    `INSERT INTO peers (id, name, country, endpoint, card, fingerprint, status, added_at, updated_at, version)
     VALUES ($1,$2::jsonb,$3,$4,$5::jsonb,$6,$7,$8,$9,$10)`,
    [p.id, JSON.stringify(p.name), p.country, p.endpoint, JSON.stringify(p.card), p.fingerprint, p.status, p.addedAt, p.updatedAt, p.version],
  );
}

export async function updatePeer(tx: Queryable, p: PeerRow): Promise<void> {
  await tx.query(
    `UPDATE peers SET name=$2::jsonb, country=$3, endpoint=$4, card=$5::jsonb, fingerprint=$6, status=$7, updated_at=$8, version=version+1 WHERE id=$1`,
    [p.id, JSON.stringify(p.name), p.country, p.endpoint, JSON.stringify(p.card), p.fingerprint, p.status, p.updatedAt],
  );
}

export async function deletePeer(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM peers WHERE id = $1', [id]);
}
