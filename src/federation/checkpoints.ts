// Periodic audit checkpoints (docs/spec.md §9.2): sign the audit head and send it to each active peer for
// countersigning, with an anchor (our CURRENT hash at the last seq that peer countersigned) so a
// rewritten history is refused by the peer, not just caught by our own `audit verify`.
import type { ServiceContext } from '../services/context.js';
import {
  auditHashAt,
  insertOwnCheckpoint,
  lastCheckpointSentTo,
  lastOwnCheckpoint,
  latestCountersignedSeq,
  readAuditHead,
  recordCheckpointSent,
} from '../storage/repositories/federation-checkpoint.repository.js';
import { listPeers } from '../storage/repositories/peer.repository.js';
import { signCheckpoint } from './checkpoint-jws.js';
import { currentKeys } from './crypto/index.js';
import { AUDIT_CHANNEL, CHECKPOINT_TYPE } from './handlers/checkpoint-handlers.js';
import { enqueueMessage } from './outbox.js';

/** Creates a checkpoint when the interval has passed and the log grew; returns its seq or null. */
export async function checkpointIfDue(ctx: ServiceContext, force = false): Promise<number | null> {
  const interval = ctx.config.federationCheckpointSeconds;
  if (interval <= 0 && !force) return null;
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    // One checkpointer at a time across processes. The head is read, not locked: taking the audit
    // head before the outbox channel rows would invert the inbox's lock order (deadlock on PostgreSQL).
    await tx.query('SELECT pg_advisory_xact_lock(7400002)');
    const head = await readAuditHead(tx);
    const last = await lastOwnCheckpoint(tx);
    if (head.seq === 0 || (last && last.seq >= head.seq)) return null;
    if (!force && last && now.getTime() - last.at.getTime() < interval * 1000) return null;
    const at = now.toISOString();
    const jws = signCheckpoint(currentKeys(ctx.secrets.keyRing), {
      node: ctx.config.nodeId,
      seq: head.seq,
      hash: head.hash,
      at,
    });
    await insertOwnCheckpoint(tx, { seq: head.seq, hash: head.hash, at, jws });
    for (const peer of (await listPeers(tx)).filter((p) => p.status === 'active')) {
      const sent = await lastCheckpointSentTo(tx, peer.id);
      // One outstanding checkpoint per peer: wait for its countersignature before sending the next.
      if (sent !== null && ((await latestCountersignedSeq(tx, peer.id)) ?? 0) < sent) continue;
      const anchorHash = sent !== null ? await auditHashAt(tx, sent) : null;
      const body = {
        checkpoint: jws,
        ...(sent !== null ? { anchor: { seq: sent, hash: anchorHash ?? 'missing' } } : {}),
      };
      await enqueueMessage(tx, ctx, { to: peer.id, channel: AUDIT_CHANNEL, type: CHECKPOINT_TYPE, schema: 1, body });
      await recordCheckpointSent(tx, peer.id, head.seq);
    }
    return head.seq;
  });
}
