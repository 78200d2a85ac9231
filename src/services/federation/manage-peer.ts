// Use cases: suspend, resume and remove a peer. Suspension refuses its messages at once and stops
// sending to it; its queued messages wait (they are delivered after a resume, never dropped).
import { appendAudit } from '../../audit/audit-log.js';
import type { Actor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import { invalidatePeer } from '../../federation/peer-directory.js';
import { signalOutbox } from '../../federation/outbox-signal.js';
import { clearRetryGate } from '../../storage/repositories/federation-peer-state.repository.js';
import { deletePeer, findPeer, updatePeer, type PeerStatus } from '../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../context.js';
import { presentPeer, type PeerView } from './present-peer.js';

export async function setPeerStatus(
  ctx: ServiceContext,
  actor: Actor,
  peerId: string,
  status: PeerStatus,
): Promise<PeerView> {
  const now = ctx.clock();
  const view = await ctx.db.transaction(async (tx) => {
    const peer = await findPeer(tx, peerId);
    if (!peer) throw new AppError('FED_PEER_NOT_FOUND', { details: { peer: peerId } });
    if (peer.status === status) return presentPeer(peer);
    const next = { ...peer, status, updatedAt: now.toISOString() };
    await updatePeer(tx, next);
    if (status === 'active') await clearRetryGate(tx, peerId);
    await appendAudit(
      tx,
      {
        actor,
        action: status === 'active' ? 'federation.peer_resumed' : 'federation.peer_suspended',
        subjectType: 'peer',
        subjectId: peerId,
      },
      now,
    );
    return presentPeer(next);
  });
  invalidatePeer(ctx.db, peerId);
  if (status === 'active') signalOutbox(ctx.db, peerId);
  return view;
}

/** Removes the peer's card; its message history, receipts and sequence counters are kept. */
export async function removePeer(ctx: ServiceContext, actor: Actor, peerId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const peer = await findPeer(tx, peerId);
    if (!peer) throw new AppError('FED_PEER_NOT_FOUND', { details: { peer: peerId } });
    await deletePeer(tx, peerId);
    await appendAudit(
      tx,
      {
        actor,
        action: 'federation.peer_removed',
        subjectType: 'peer',
        subjectId: peerId,
        data: { fingerprint: peer.fingerprint },
      },
      ctx.clock(),
    );
  });
  invalidatePeer(ctx.db, peerId);
}
