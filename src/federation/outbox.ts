// The transactional outbox: services call enqueueMessage INSIDE their own transaction, so a message
// exists exactly when the change that caused it committed. Each row is signed here, once; the
// delivery worker only batches, encrypts and sends what is stored.
import { AppError } from '../errors.js';
import type { ServiceContext } from '../services/context.js';
import { afterCommit, type Queryable } from '../storage/db.js';
import {
  insertOutboxRows,
  reserveOutboundSeqs,
  type OutboxInsert,
} from '../storage/repositories/federation-outbox.repository.js';
import { findPeer } from '../storage/repositories/peer.repository.js';
import { currentKeys, signMessage, signMessageAsync } from './crypto/index.js';
import { signalOutbox } from './outbox-signal.js';

export type OutboundMessage = {
  /** Peer node id. */
  to: string;
  /** Ordering domain: messages of one (to, channel) are applied by the peer in enqueue order. */
  channel: string;
  /** Message type, e.g. 'request.submitted'; the peer routes it to its registered inbound handler. */
  type: string;
  /** Schema version of `body` for this type. */
  schema: number;
  body: unknown;
};

export type EnqueuedMessage = { mid: string; seq: number };

const SIGN_ON_POOL_FROM = 16;

/** Enqueues one message; see enqueueMessages. */
export async function enqueueMessage(
  tx: Queryable,
  ctx: ServiceContext,
  message: OutboundMessage,
): Promise<EnqueuedMessage> {
  const { body, ...rest } = message;
  const [one] = await enqueueMessages(tx, ctx, { ...rest, bodies: [body] });
  return one!;
}

/**
 * Enqueues several messages of one type on one (to, channel), in order, with one seq reservation and
 * one insert. Refuses unknown (FED_PEER_NOT_FOUND) and suspended (FED_PEER_SUSPENDED) peers.
 */
export async function enqueueMessages(
  tx: Queryable,
  ctx: ServiceContext,
  m: Omit<OutboundMessage, 'body'> & { bodies: readonly unknown[] },
): Promise<EnqueuedMessage[]> {
  if (m.bodies.length === 0) return [];
  const first = await reserveOutboundSeqs(tx, m.to, m.channel, m.bodies.length);
  if (first === null) {
    const peer = await findPeer(tx, m.to);
    throw new AppError(peer ? 'FED_PEER_SUSPENDED' : 'FED_PEER_NOT_FOUND', { details: { peer: m.to } });
  }
  const now = ctx.clock();
  const keys = currentKeys(ctx.secrets.keyRing);
  const fields = (i: number) => ({
    from: ctx.config.nodeId,
    to: m.to,
    channel: m.channel,
    seq: first + i,
    now,
    ttlSeconds: ctx.config.federationMessageTtlSeconds,
  });
  const payload = (body: unknown) => ({ type: m.type, schema: m.schema, body });
  // Many messages are signed on the thread pool (all cores, event loop free); a few inline, where a
  // thread hop would cost more than it saves.
  const signed =
    m.bodies.length >= SIGN_ON_POOL_FROM
      ? await Promise.all(m.bodies.map((body, i) => signMessageAsync(keys, fields(i), payload(body))))
      : m.bodies.map((body, i) => signMessage(keys, fields(i), payload(body)));
  const rows: OutboxInsert[] = signed.map((s, i) => ({
    mid: s.header.mid,
    peerId: m.to,
    channel: m.channel,
    seq: first + i,
    mtype: m.type,
    jws: s.jws,
    createdAt: now.toISOString(),
  }));
  await insertOutboxRows(tx, rows, now.toISOString());
  afterCommit(tx, () => signalOutbox(ctx.db, m.to));
  return rows.map((r) => ({ mid: r.mid, seq: r.seq }));
}
