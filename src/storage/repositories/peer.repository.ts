// SQL for federation peers.
import type { Bilingual } from '../../error-types.js';
import { z } from 'zod';
import type { Queryable, Row } from '../db.js';
import { parseRow, zInstant } from './row-schema.js';

export type PeerStatus = 'active' | 'suspended';

export type PeerRow = {
  id: string;
  name: Bilingual;
  country: string;
  endpoint: string;
  card: Record<string, unknown>;
  fingerprint: string;
  status: PeerStatus;
  addedAt: string;
  updatedAt: string;
  version: number;
};

const ZPeerRow = z.object({
  id: z.string(),
  name: z.object({ en: z.string(), zh: z.string() }),
  country: z.string(),
  endpoint: z.string(),
  card: z.record(z.string(), z.unknown()),
  fingerprint: z.string(),
  status: z.enum(['active', 'suspended']),
  added_at: zInstant,
  updated_at: zInstant,
  version: z.number(),
});

function toPeer(row: Row): PeerRow {
  const r = parseRow(ZPeerRow, 'peers', row);
  return {
    id: r.id,
    name: r.name,
    country: r.country,
    endpoint: r.endpoint,
    card: r.card,
    fingerprint: r.fingerprint,
    status: r.status,
    addedAt: r.added_at,
    updatedAt: r.updated_at,
    version: r.version,
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
    [
      p.id,
      JSON.stringify(p.name),
      p.country,
      p.endpoint,
      JSON.stringify(p.card),
      p.fingerprint,
      p.status,
      p.addedAt,
      p.updatedAt,
      p.version,
    ],
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
