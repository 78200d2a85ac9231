// Use case: an admin imports a peer's node card after confirming its fingerprint out of band (docs/spec.md §1.2).
import { appendAudit } from '../../audit/audit-log.js';
import type { Actor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import { fetchNodeCard } from '../../federation/card-fetch.js';
import { fingerprintsEqual, formatFingerprint, verifyNodeCard, type NodeCard } from '../../federation/crypto/index.js';
import { invalidatePeer } from '../../federation/peer-directory.js';
import { findPeer, insertPeer } from '../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../context.js';
import { presentPeer, type PeerView } from './present-peer.js';

/** A card given inline (file contents) or fetched from a URL / node endpoint. */
export type CardSource = { card?: unknown; url?: string };

/** Loads and verifies a card; refuses one that fails verification (FED_CARD_INVALID, with the reason). */
export async function loadCandidateCard(ctx: ServiceContext, source: CardSource): Promise<NodeCard> {
  const raw =
    source.card !== undefined
      ? source.card
      : source.url
        ? await fetchNodeCard(source.url, ctx.config.federationHttpTimeoutMs, ctx.logger)
        : undefined;
  if (raw === undefined) throw new AppError('INVALID_INPUT', { details: { reason: 'give a card or a url' } });
  const check = verifyNodeCard(raw);
  if (!check.ok) throw new AppError('FED_CARD_INVALID', { details: { reason: check.reason } });
  return check.card;
}

export async function previewPeerCard(
  ctx: ServiceContext,
  source: CardSource,
): Promise<{ card: NodeCard; fingerprint: string }> {
  const card = await loadCandidateCard(ctx, source);
  return { card, fingerprint: formatFingerprint(card.fingerprint) };
}

export type AddPeerInput = CardSource & {
  /** The fingerprint the admin confirmed out of band; must match the card's. */
  fingerprint?: string;
  /** CLI `--yes`: the admin confirmed the fingerprint shown, without typing it. */
  confirmed?: boolean;
};

export async function addPeer(ctx: ServiceContext, actor: Actor, input: AddPeerInput): Promise<PeerView> {
  const card = await loadCandidateCard(ctx, input);
  if (card.id === ctx.config.nodeId) throw new AppError('FED_PEER_IS_SELF');
  if (input.fingerprint !== undefined ? !fingerprintsEqual(input.fingerprint, card.fingerprint) : !input.confirmed) {
    throw new AppError('FED_FINGERPRINT_MISMATCH', { details: { card: formatFingerprint(card.fingerprint) } });
  }
  const now = ctx.clock().toISOString();
  const view = await ctx.db.transaction(async (tx) => {
    if (await findPeer(tx, card.id)) throw new AppError('FED_PEER_EXISTS', { details: { peer: card.id } });
    const row = {
      id: card.id,
      name: card.name,
      country: card.country,
      endpoint: card.endpoint,
      card: card as unknown as Record<string, unknown>,
      fingerprint: card.fingerprint,
      status: 'active' as const,
      addedAt: now,
      updatedAt: now,
      version: 1,
    };
    await insertPeer(tx, row);
    await appendAudit(
      tx,
      {
        actor,
        action: 'federation.peer_added',
        subjectType: 'peer',
        subjectId: card.id,
        data: { fingerprint: card.fingerprint, endpoint: card.endpoint, country: card.country },
      },
      ctx.clock(),
    );
    return presentPeer(row);
  });
  invalidatePeer(ctx.db, card.id);
  return view;
}
