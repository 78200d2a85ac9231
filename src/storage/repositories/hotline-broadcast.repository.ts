// SQL for hotline broadcasts (docs/federation.md §19): the broadcast id and the call placed per recipient.
import { z } from 'zod';
import type { Queryable, Row } from '../db.js';
import { parseRow, zInstant } from './row-schema.js';

export type BroadcastRow = {
  id: string;
  placedAt: string;
  placedBy: string;
  groupIds: string[];
  allPeers: boolean;
  calls: { party: string; callId: string }[];
};

const ZBroadcastRow = z.object({
  id: z.string(),
  placed_at: zInstant,
  placed_by: z.string(),
  group_ids: z.array(z.string()),
  all_peers: z.boolean(),
  calls: z.array(z.object({ party: z.string(), callId: z.string() })),
});

function toBroadcast(row: Row): BroadcastRow {
  const r = parseRow(ZBroadcastRow, 'hotline_broadcasts', row);
  return {
    id: r.id,
    placedAt: r.placed_at,
    placedBy: r.placed_by,
    groupIds: r.group_ids,
    allPeers: r.all_peers,
    calls: r.calls,
  };
}

export async function insertBroadcast(tx: Queryable, b: BroadcastRow): Promise<void> {
  await tx.query(
    'INSERT INTO hotline_broadcasts (id, placed_at, placed_by, group_ids, all_peers, calls) VALUES ($1,$2,$3,$4::jsonb,$5,$6::jsonb)',
    [b.id, b.placedAt, b.placedBy, JSON.stringify(b.groupIds), b.allPeers, JSON.stringify(b.calls)],
  );
}

export async function findBroadcast(db: Queryable, id: string): Promise<BroadcastRow | null> {
  const rows = await db.query('SELECT * FROM hotline_broadcasts WHERE id = $1', [id]);
  return rows[0] ? toBroadcast(rows[0]) : null;
}

export async function listBroadcasts(db: Queryable, limit: number): Promise<BroadcastRow[]> {
  return (await db.query('SELECT * FROM hotline_broadcasts ORDER BY placed_at DESC, id LIMIT $1', [limit])).map(
    toBroadcast,
  );
}
