// audit.checkpoint / audit.countersign (channel 'audit'): a peer's signed audit head is checked
// against what we countersigned before (its anchor must match), stored and countersigned; a
// countersignature of our own checkpoint is checked and stored for `crossline audit verify`.
import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../services/context.js';
import type { Queryable } from '../../storage/db.js';
import {
  findOwnCheckpoint,
  findPeerCheckpoint,
  insertCountersignature,
  insertPeerCheckpoint,
  recentPeerCheckpoints,
} from '../../storage/repositories/federation-checkpoint.repository.js';
import { currentKeys } from '../crypto/index.js';
import { kidOfJws, signCountersignature, verifyCheckpoint, verifyCountersignature } from '../checkpoint-jws.js';
import { registerInboundHandler, type InboundMessage } from '../inbound-handlers.js';
import { enqueueMessage } from '../outbox.js';
import { lookupPeer } from '../peer-directory.js';

export const AUDIT_CHANNEL = 'audit';
export const CHECKPOINT_TYPE = 'audit.checkpoint';
export const COUNTERSIGN_TYPE = 'audit.countersign';

const ZAnchor = z.strictObject({ seq: z.number().int().min(1), hash: z.string() });
export const ZCheckpointBody = z.strictObject({ checkpoint: z.string().max(4000), anchor: ZAnchor.optional() });
const ZCountersignBody = z.strictObject({ countersignature: z.string().max(4000) });

const conflict = (reason: string, details: Record<string, unknown> = {}) =>
  new AppError('FED_CHECKPOINT_CONFLICT', { details: { reason, ...details } });

async function keysOf(ctx: ServiceContext, tx: Queryable, peerId: string) {
  const peer = await lookupPeer(ctx.db, tx, peerId);
  if (!peer) throw new AppError('FED_UNKNOWN_SENDER');
  return (kid: string) => peer.sigKeys.get(kid);
}

export async function applyCheckpoint(
  ctx: ServiceContext,
  tx: Queryable,
  msg: InboundMessage<z.infer<typeof ZCheckpointBody>>,
): Promise<void> {
  const body = msg.body;
  const cp = verifyCheckpoint(body.checkpoint, await keysOf(ctx, tx, msg.from));
  if (cp.node !== msg.from) throw conflict('checkpoint names another node');
  // What we countersigned before must still be part of the sender's history.
  const recent = await recentPeerCheckpoints(tx, msg.from, 1);
  const same = await findPeerCheckpoint(tx, msg.from, cp.seq);
  if (same && same.hash !== cp.hash) throw conflict('different hash for a countersigned seq', { seq: cp.seq });
  if (same) return; // already countersigned (a re-send)
  if (recent[0] && cp.seq < recent[0].seq)
    throw conflict('audit log shorter than countersigned', { seq: cp.seq, countersigned: recent[0].seq });
  // The sender re-hashes its CURRENT chain at the last seq we countersigned: a rewrite shows here.
  const anchor = body.anchor;
  if (recent[0] && (!anchor || anchor.seq !== recent[0].seq || anchor.hash !== recent[0].hash)) {
    throw conflict('anchor does not match the last countersigned checkpoint', { anchor, countersigned: recent[0].seq });
  }
  const now = ctx.clock();
  const countersignature = signCountersignature(currentKeys(ctx.secrets.keyRing), {
    ...cp,
    by: ctx.config.nodeId,
    countersignedAt: now.toISOString(),
  });
  await insertPeerCheckpoint(tx, {
    peerId: msg.from,
    seq: cp.seq,
    hash: cp.hash,
    checkpointJws: body.checkpoint,
    countersignatureJws: countersignature,
    receivedAt: now.toISOString(),
  });
  await enqueueMessage(tx, ctx, {
    to: msg.from,
    channel: AUDIT_CHANNEL,
    type: COUNTERSIGN_TYPE,
    schema: 1,
    body: { countersignature },
  });
}

export async function applyCountersign(
  ctx: ServiceContext,
  tx: Queryable,
  msg: InboundMessage<z.infer<typeof ZCountersignBody>>,
): Promise<void> {
  const body = msg.body;
  const cs = verifyCountersignature(body.countersignature, await keysOf(ctx, tx, msg.from));
  if (cs.node !== ctx.config.nodeId || cs.by !== msg.from) throw conflict('countersignature names other nodes');
  const own = await findOwnCheckpoint(tx, cs.seq);
  if (!own || own.hash !== cs.hash) throw conflict('countersignature does not match our checkpoint', { seq: cs.seq });
  await insertCountersignature(tx, {
    peerId: msg.from,
    seq: cs.seq,
    hash: cs.hash,
    kid: kidOfJws(body.countersignature) ?? '',
    jws: body.countersignature,
    receivedAt: ctx.clock().toISOString(),
  });
}

export function registerCheckpointHandlers(): void {
  registerInboundHandler(CHECKPOINT_TYPE, { schemas: { 1: ZCheckpointBody }, handler: applyCheckpoint });
  registerInboundHandler(COUNTERSIGN_TYPE, { schemas: { 1: ZCountersignBody }, handler: applyCountersign });
}
