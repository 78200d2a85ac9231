// Use case: re-read a peer's card from its endpoint and accept it only as an endorsed update of the
// trusted one (same node, not older, rotation signed by the old key). Called by an admin, and
// automatically when a peer's message or receipt names a key we do not know (FED_UNKNOWN_KEY).
import { appendAudit } from '../../audit/audit-log.js';
import type { Actor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import { fetchNodeCard } from '../../federation/card-fetch.js';
import { verifyCardUpdate, verifyNodeCard } from '../../federation/crypto/index.js';
import { invalidatePeer } from '../../federation/peer-directory.js';
import { getPeerDeliveryState, recordCardCheck } from '../../storage/repositories/federation-peer-state.repository.js';
import { findPeer, updatePeer } from '../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../context.js';

/** Automatic checks at most this often per peer, so a peer sending unknown kids cannot make us hammer it. */
const MIN_CHECK_INTERVAL_MS = 10_000;

export type RefreshResult = { updated: boolean; rotated: boolean; fingerprint: string };

export async function refreshPeerCard(
  ctx: ServiceContext,
  peerId: string,
  opts: { ifStale?: boolean; actor?: Actor } = {},
): Promise<RefreshResult> {
  const peer = await findPeer(ctx.db, peerId);
  if (!peer) throw new AppError('FED_PEER_NOT_FOUND', { details: { peer: peerId } });
  const now = ctx.clock();
  const unchanged = { updated: false, rotated: false, fingerprint: peer.fingerprint };
  if (opts.ifStale) {
    const state = await getPeerDeliveryState(ctx.db, peerId);
    if (state.cardCheckedAt && now.getTime() - state.cardCheckedAt.getTime() < MIN_CHECK_INTERVAL_MS) return unchanged;
  }
  await recordCardCheck(ctx.db, peerId, now);
  const trusted = verifyNodeCard(peer.card);
  if (!trusted.ok)
    throw new AppError('FED_CARD_INVALID', { details: { peer: peerId, reason: `stored card: ${trusted.reason}` } });
  const fetched = await fetchNodeCard(peer.endpoint, ctx.config.federationHttpTimeoutMs, ctx.logger);
  const check = verifyCardUpdate(trusted.card, fetched);
  const actor = opts.actor ?? { kind: 'system' as const, partyId: ctx.config.nodeId };
  if (!check.ok) {
    await ctx.db.transaction((tx) =>
      appendAudit(
        tx,
        {
          actor,
          action: 'federation.peer_card_refused',
          subjectType: 'peer',
          subjectId: peerId,
          data: { reason: check.reason },
        },
        now,
      ),
    );
    throw new AppError('FED_CARD_UPDATE_REFUSED', { details: { peer: peerId, reason: check.reason } });
  }
  if (
    check.card.issuedAt === trusted.card.issuedAt &&
    check.card.fingerprint === trusted.card.fingerprint &&
    check.card.endpoint === peer.endpoint
  ) {
    return unchanged;
  }
  const card = check.card;
  await ctx.db.transaction(async (tx) => {
    const current = await findPeer(tx, peerId);
    if (!current) throw new AppError('FED_PEER_NOT_FOUND', { details: { peer: peerId } });
    await updatePeer(tx, {
      ...current,
      name: card.name,
      country: card.country,
      endpoint: card.endpoint,
      card: card as unknown as Record<string, unknown>,
      fingerprint: card.fingerprint,
      updatedAt: now.toISOString(),
    });
    await appendAudit(
      tx,
      {
        actor,
        action: 'federation.peer_card_updated',
        subjectType: 'peer',
        subjectId: peerId,
        data: { rotated: check.rotated, fingerprint: card.fingerprint, previousFingerprint: peer.fingerprint },
      },
      now,
    );
  });
  invalidatePeer(ctx.db, peerId);
  return { updated: true, rotated: check.rotated, fingerprint: card.fingerprint };
}
