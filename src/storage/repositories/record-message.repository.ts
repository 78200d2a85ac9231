// SQL linking records to the federation messages sent about them, and reading their delivery state
// and signed receipts from the outbox.
import { z } from 'zod';
import type { Queryable } from '../db.js';
import { parseRow, zInstant, zInstantOrNull, zNullableString } from './row-schema.js';

export async function insertRecordMessage(
  tx: Queryable,
  m: { mid: string; subjectType: string; subjectId: string; mtype: string; createdAt: string },
): Promise<void> {
  await tx.query(
    'INSERT INTO record_messages (mid, subject_type, subject_id, mtype, created_at) VALUES ($1,$2,$3,$4,$5)',
    [m.mid, m.subjectType, m.subjectId, m.mtype, m.createdAt],
  );
}

export type RecordDelivery = {
  mid: string;
  type: string;
  peer: string;
  channel: string;
  seq: number;
  createdAt: string;
  state: 'pending' | 'sent' | 'rejected';
  result: 'accepted' | 'duplicate' | 'rejected' | null;
  code: string | null;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  receipt: { batchId: string; receivedAt: string; jws: string } | null;
};

/** A message joined with its outbox row and, once the peer answered, its signed receipt. */
const ZDeliveryRow = z.object({
  mid: z.string(),
  mtype: z.string(),
  created_at: zInstant,
  peer_id: z.string(),
  channel: z.string(),
  seq: z.coerce.number(),
  state: z.enum(['pending', 'sent', 'rejected']),
  result: z.enum(['accepted', 'duplicate', 'rejected']).nullable(),
  code: zNullableString,
  attempts: z.number(),
  last_error: zNullableString,
  sent_at: zInstantOrNull,
  bid: zNullableString,
  received_at: zInstantOrNull,
  receipt_jws: zNullableString,
});

export async function listRecordDeliveries(
  db: Queryable,
  subjectType: string,
  subjectId: string,
): Promise<RecordDelivery[]> {
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
  return rows.map((row) => {
    const r = parseRow(ZDeliveryRow, 'record_messages', row);
    return {
      mid: r.mid,
      type: r.mtype,
      peer: r.peer_id,
      channel: r.channel,
      seq: r.seq,
      createdAt: r.created_at,
      state: r.state,
      result: r.result,
      code: r.code,
      attempts: r.attempts,
      lastError: r.last_error,
      sentAt: r.sent_at,
      receipt:
        r.bid && r.received_at && r.receipt_jws !== null
          ? { batchId: r.bid, receivedAt: r.received_at, jws: r.receipt_jws }
          : null,
    };
  });
}
