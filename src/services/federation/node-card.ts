// This node's own card: identity from the configuration, keys from the key ring. Stable between
// rotations (issuedAt is the current key's creation time), so peers see one card per key version.
import { buildNodeCard, currentKeys, formatFingerprint, type NodeCard } from '../../federation/crypto/index.js';
import type { ServiceContext } from '../context.js';

const cache = new WeakMap<object, Map<string, NodeCard>>();
const MAX_RETIRED_ON_CARD = 20;

/** `fallbackEndpoint` (the listen URL) is used when config.publicUrl is not set. */
export function ownNodeCard(ctx: ServiceContext, fallbackEndpoint?: string): NodeCard {
  // Without a public URL: the listen address, over https when the node serves TLS itself.
  const scheme = ctx.config.tlsCertFile ? 'https' : 'http';
  const endpoint = (
    ctx.config.publicUrl ??
    fallbackEndpoint ??
    `${scheme}://${ctx.config.host}:${ctx.config.port}`
  ).replace(/\/+$/, '');
  const ring = ctx.secrets.keyRing;
  let byEndpoint = cache.get(ring);
  if (!byEndpoint) cache.set(ring, (byEndpoint = new Map()));
  let card = byEndpoint.get(endpoint);
  if (!card) {
    const { nodeId, nodeName, country } = ctx.config;
    // The card lists the most recent retired versions only (a card holds at most 100): peers need
    // them to verify recent old messages and to follow a rotation; older ones stay in the ring.
    const recent = { versions: ring.versions.slice(-(MAX_RETIRED_ON_CARD + 1)) };
    card = buildNodeCard(
      { id: nodeId, name: nodeName, country: country.toUpperCase(), endpoint },
      recent,
      currentKeys(ring).createdAt,
    );
    byEndpoint.set(endpoint, card);
  }
  return card;
}

export function presentOwnCard(card: NodeCard): { card: NodeCard; fingerprint: string; kid: string } {
  return { card, fingerprint: formatFingerprint(card.fingerprint), kid: card.keys.sig.kid };
}
