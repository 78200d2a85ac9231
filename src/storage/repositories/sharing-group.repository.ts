// SQL for sharing groups (docs/federation.md §19).
import { z } from 'zod';
import type { SharingGroup } from '../../domain/sharing-group/index.js';
import type { Queryable, Row } from '../db.js';
import { parseRow, zInstant } from './row-schema.js';

const ZGroupRow = z.object({
  id: z.string(),
  name: z.object({ en: z.string(), zh: z.string() }),
  region: z.string().nullable(),
  members: z.array(z.string()),
  created_at: zInstant,
  updated_at: zInstant,
  version: z.number(),
});

function toGroup(row: Row): SharingGroup {
  const r = parseRow(ZGroupRow, 'sharing_groups', row);
  return {
    id: r.id,
    name: r.name,
    region: r.region,
    members: r.members,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export async function listSharingGroups(db: Queryable): Promise<SharingGroup[]> {
  return (await db.query("SELECT * FROM sharing_groups ORDER BY coalesce(region, ''), name->>'en', id")).map(toGroup);
}

export async function findSharingGroup(db: Queryable, id: string): Promise<SharingGroup | null> {
  const rows = await db.query('SELECT * FROM sharing_groups WHERE id = $1', [id]);
  return rows[0] ? toGroup(rows[0]) : null;
}

export async function insertSharingGroup(tx: Queryable, g: SharingGroup): Promise<void> {
  await tx.query(
    `INSERT INTO sharing_groups (id, name, region, members, created_at, updated_at, version) VALUES ($1,$2::jsonb,$3,$4::jsonb,$5,$6,$7)`,
    [g.id, JSON.stringify(g.name), g.region, JSON.stringify(g.members), g.createdAt, g.updatedAt, g.version],
  );
}

/** Writes `g` over the stored version `expectedVersion`; false when someone else changed it meanwhile. */
export async function updateSharingGroup(tx: Queryable, g: SharingGroup, expectedVersion: number): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE sharing_groups SET name=$2::jsonb, region=$3, members=$4::jsonb, updated_at=$5, version=$6 WHERE id=$1 AND version=$7 RETURNING id`,
    [g.id, JSON.stringify(g.name), g.region, JSON.stringify(g.members), g.updatedAt, g.version, expectedVersion],
  );
  return rows.length === 1;
}

export async function deleteSharingGroup(tx: Queryable, id: string): Promise<boolean> {
  return (await tx.query('DELETE FROM sharing_groups WHERE id = $1 RETURNING id', [id])).length === 1;
}
