// SQL for per-peer delivery health (contact times, failures, retry gate) and stored receipts.
import { z } from 'zod';
import type { Queryable, Row } from '../db.js';
import { parseRow } from './row-schema.js';

export type PeerDeliveryState = {
  peerId: string;
  retryAt: Date | null;
  consecutiveFailures: number;
  totalFailures: number;
  lastErrorCode: string | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastContactAt: Date | null;
  lastSentAt: Date | null;
  lastReceivedAt: Date | null;
  cardCheckedAt: Date | null;
};

const date = z
  .union([z.date(), z.string()])
  .nullish()
  .transform((v) => (v ? new Date(v) : null));
const text = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
const count = z.coerce
  .number()
  .nullish()
  .transform((v) => v ?? 0);
/** A peer with no row yet: every column absent, each read empty. */
const ZPeerStateRow = z.object({
  retry_at: date,
  consecutive_failures: count,
  total_failures: count,
  last_error_code: text,
  last_error: text,
  last_error_at: date,
  last_contact_at: date,
  last_sent_at: date,
  last_received_at: date,
  card_checked_at: date,
});

export async function getPeerDeliveryState(db: Queryable, peerId: string): Promise<PeerDeliveryState> {
  const [row] = await db.query('SELECT * FROM federation_peer_state WHERE peer_id = $1', [peerId]);
  return toDeliveryState(peerId, row ?? {});
}

/** Every peer's delivery state in one statement, by peer id (a peer with no row yet is absent). */
export async function listPeerDeliveryStates(db: Queryable): Promise<Map<string, PeerDeliveryState>> {
  const rows = await db.query<Row & { peer_id: string }>('SELECT * FROM federation_peer_state');
  return new Map(rows.map((row) => [row.peer_id, toDeliveryState(row.peer_id, row)]));
}

/** The state of a peer with no row yet: every figure empty. */
export function emptyDeliveryState(peerId: string): PeerDeliveryState {
  return toDeliveryState(peerId, {});
}

function toDeliveryState(peerId: string, row: Row): PeerDeliveryState {
  const r = parseRow(ZPeerStateRow, 'federation_peer_state', row);
  return {
    peerId,
    retryAt: r.retry_at,
    consecutiveFailures: r.consecutive_failures,
    totalFailures: r.total_failures,
    lastErrorCode: r.last_error_code,
    lastError: r.last_error,
    lastErrorAt: r.last_error_at,
    lastContactAt: r.last_contact_at,
    lastSentAt: r.last_sent_at,
    lastReceivedAt: r.last_received_at,
    cardCheckedAt: r.card_checked_at,
  };
}

/** A delivery failed: count it and close the peer's gate until `retryAt` (backoff survives restarts). */
export async function recordDeliveryFailure(
  tx: Queryable,
  peerId: string,
  code: string,
  message: string,
  retryAt: Date,
  now: Date,
): Promise<number> {
  const [r] = await tx.query<{ consecutive_failures: number }>(
    `INSERT INTO federation_peer_state (peer_id, retry_at, consecutive_failures, total_failures, last_error_code, last_error, last_error_at)
     VALUES ($1, $2, 1, 1, $3, $4, $5)
     ON CONFLICT (peer_id) DO UPDATE SET retry_at = $2, consecutive_failures = federation_peer_state.consecutive_failures + 1,
       total_failures = federation_peer_state.total_failures + 1, last_error_code = $3, last_error = $4, last_error_at = $5
     RETURNING consecutive_failures`,
    [peerId, retryAt.toISOString(), code, message.slice(0, 500), now.toISOString()],
  );
  return r!.consecutive_failures;
}

export async function recordDeliverySuccess(tx: Queryable, peerId: string, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO federation_peer_state (peer_id, last_contact_at, last_sent_at) VALUES ($1, $2, $2)
     ON CONFLICT (peer_id) DO UPDATE SET retry_at = NULL, consecutive_failures = 0, last_contact_at = $2, last_sent_at = $2`,
    [peerId, now.toISOString()],
  );
}

export async function recordInboundContact(tx: Queryable, peerId: string, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO federation_peer_state (peer_id, last_contact_at, last_received_at) VALUES ($1, $2, $2)
     ON CONFLICT (peer_id) DO UPDATE SET last_contact_at = $2, last_received_at = $2`,
    [peerId, now.toISOString()],
  );
}

export async function recordCardCheck(db: Queryable, peerId: string, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO federation_peer_state (peer_id, card_checked_at) VALUES ($1, $2)
     ON CONFLICT (peer_id) DO UPDATE SET card_checked_at = $2`,
    [peerId, now.toISOString()],
  );
}

/** Opens the gate at once, e.g. after a resend request or when an admin resumes the peer. */
export async function clearRetryGate(tx: Queryable, peerId: string): Promise<void> {
  await tx.query('UPDATE federation_peer_state SET retry_at = NULL WHERE peer_id = $1', [peerId]);
}

export async function insertReceipt(
  tx: Queryable,
  r: { bid: string; peerId: string; jws: string; receivedAt: string },
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO federation_receipts (bid, peer_id, jws, received_at, stored_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (bid) DO NOTHING`,
    [r.bid, r.peerId, r.jws, r.receivedAt, now.toISOString()],
  );
}
