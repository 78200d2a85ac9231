// SQL linking records to the federation messages sent about them, and reading their delivery state
// and signed receipts from the outbox.
import type { Queryable } from '../db.js';

export async function insertRecordMessage(tx: Queryable, m: { mid: string; subjectType: string; subjectId: string; mtype: string; createdAt: string }): Promise<void> {
  await tx.query(
    'INSERT INTO record_messages (mid, subject_type, subject_id, mtype, created_at) VALUES ($1,$2,$3,$4,$5)',
    [m.mid, m.subjectType, m.subjectId, m.mtype, m.createdAt],
  );
}

export type RecordDelivery = {
  mid: string; type: string; peer: string; channel: string; seq: number; createdAt: string;
  state: 'pending' | 'sent' | 'rejected'; result: 'accepted' | 'duplicate' | 'rejected' | null; code: string | null;
  attempts: number; lastError: string | null; sentAt: string | null;
  receipt: { batchId: string; receivedAt: string; jws: string } | null;
};

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

export async function listRecordDeliveries(db: Queryable, subjectType: string, subjectId: string): Promise<RecordDelivery[]> {
  const rows = await db.query(
    `SELECT m.mid, m.mtype, m.created_at, o.peer_id, o.channel, o.seq, o.state, o.result, o.code, o.attempts, o.last_error,
            o.sent_at, o.bid, r.received_at, r.jws AS receipt_jws
       FROM record_messages m
       JOIN federation_outbox o ON o.mid = m.mid
       LEFT JOIN federation_receipts r ON r.bid = o.bid
      WHERE m.subject_type = $1 AND m.subject_id = $2
      ORDER BY m.created_at, o.seq`,
    [subjectType, subjectId],
  );
  return rows.map((r) => ({
    mid: r.mid as string, type: r.mtype as string, peer: r.peer_id as string, channel: r.channel as string, seq: r.seq as number,
    createdAt: iso(r.created_at)!, state: r.state as RecordDelivery['state'], result: (r.result as RecordDelivery['result']) ?? null,
    code: (r.code as string | null) ?? null, attempts: r.attempts as number, lastError: (r.last_error as string | null) ?? null,
    sentAt: iso(r.sent_at),
    receipt: r.bid && r.received_at ? { batchId: r.bid as string, receivedAt: iso(r.received_at)!, jws: r.receipt_jws as string } : null,
  }));
}
