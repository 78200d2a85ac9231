// SQL for audit checkpoints: this node's signed heads, peers' countersignatures of them, and the
// peers' checkpoints this node countersigned.
import type { Queryable } from '../db.js';

export async function readAuditHead(tx: Queryable): Promise<{ seq: number; hash: string }> {
  const [head] = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1');
  return head!;
}

export async function auditHashAt(db: Queryable, seq: number): Promise<string | null> {
  const [row] = await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [seq]);
  return row?.hash ?? null;
}

export async function lastOwnCheckpoint(db: Queryable): Promise<{ seq: number; hash: string; at: Date } | null> {
  const [row] = await db.query<{ seq: number; hash: string; at: Date }>(
    'SELECT seq, hash, at FROM federation_checkpoints ORDER BY seq DESC LIMIT 1',
  );
  return row ? { seq: row.seq, hash: row.hash, at: new Date(row.at) } : null;
}

export async function insertOwnCheckpoint(
  tx: Queryable,
  cp: { seq: number; hash: string; at: string; jws: string },
): Promise<void> {
  await tx.query(
    'INSERT INTO federation_checkpoints (seq, hash, at, jws) VALUES ($1, $2, $3, $4) ON CONFLICT (seq) DO NOTHING',
    [cp.seq, cp.hash, cp.at, cp.jws],
  );
}

export async function findOwnCheckpoint(db: Queryable, seq: number): Promise<{ hash: string } | null> {
  const [row] = await db.query<{ hash: string }>('SELECT hash FROM federation_checkpoints WHERE seq = $1', [seq]);
  return row ?? null;
}

export async function latestCountersignedSeq(db: Queryable, peerId: string): Promise<number | null> {
  const [row] = await db.query<{ seq: number | null }>(
    'SELECT max(seq) AS seq FROM federation_countersignatures WHERE peer_id = $1',
    [peerId],
  );
  return row?.seq ?? null;
}

export async function insertCountersignature(
  tx: Queryable,
  cs: { peerId: string; seq: number; hash: string; kid: string; jws: string; receivedAt: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO federation_countersignatures (peer_id, seq, hash, kid, jws, received_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (peer_id, seq) DO NOTHING`,
    [cs.peerId, cs.seq, cs.hash, cs.kid, cs.jws, cs.receivedAt],
  );
}

export async function recentPeerCheckpoints(
  db: Queryable,
  peerId: string,
  limit: number,
): Promise<{ seq: number; hash: string }[]> {
  return db.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM federation_peer_checkpoints WHERE peer_id = $1 ORDER BY seq DESC LIMIT $2',
    [peerId, limit],
  );
}

export async function findPeerCheckpoint(db: Queryable, peerId: string, seq: number): Promise<{ hash: string } | null> {
  const [row] = await db.query<{ hash: string }>(
    'SELECT hash FROM federation_peer_checkpoints WHERE peer_id = $1 AND seq = $2',
    [peerId, seq],
  );
  return row ?? null;
}

export async function insertPeerCheckpoint(
  tx: Queryable,
  cp: {
    peerId: string;
    seq: number;
    hash: string;
    checkpointJws: string;
    countersignatureJws: string;
    receivedAt: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO federation_peer_checkpoints (peer_id, seq, hash, checkpoint_jws, countersignature_jws, received_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (peer_id, seq) DO NOTHING`,
    [cp.peerId, cp.seq, cp.hash, cp.checkpointJws, cp.countersignatureJws, cp.receivedAt],
  );
}

export type StoredCountersignature = {
  peerId: string;
  seq: number;
  hash: string;
  kid: string;
  jws: string;
  card: Record<string, unknown> | null;
};

export async function listCountersignatures(db: Queryable): Promise<StoredCountersignature[]> {
  const rows = await db.query<{
    peer_id: string;
    seq: number;
    hash: string;
    kid: string;
    jws: string;
    card: Record<string, unknown> | null;
  }>(
    `SELECT c.peer_id, c.seq, c.hash, c.kid, c.jws, p.card FROM federation_countersignatures c
     LEFT JOIN peers p ON p.id = c.peer_id ORDER BY c.seq, c.peer_id`,
  );
  return rows.map((r) => ({ peerId: r.peer_id, seq: r.seq, hash: r.hash, kid: r.kid, jws: r.jws, card: r.card }));
}

export async function lastCheckpointSentTo(db: Queryable, peerId: string): Promise<number | null> {
  const [row] = await db.query<{ last_sent_seq: number }>(
    'SELECT last_sent_seq FROM federation_checkpoint_peers WHERE peer_id = $1',
    [peerId],
  );
  return row?.last_sent_seq ?? null;
}

export async function recordCheckpointSent(tx: Queryable, peerId: string, seq: number): Promise<void> {
  await tx.query(
    `INSERT INTO federation_checkpoint_peers (peer_id, last_sent_seq) VALUES ($1, $2)
     ON CONFLICT (peer_id) DO UPDATE SET last_sent_seq = $2`,
    [peerId, seq],
  );
}
