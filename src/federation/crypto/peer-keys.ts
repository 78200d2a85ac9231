// How message and receipt verification finds a peer's public signing key by (node id, kid)
// without touching storage: the inbox hands in a resolver built from its verified peer cards.
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { NodeCard } from './node-card-schema.js';

export type PeerSigKey = { key: KeyObject; retiredAt: Date | null };

/**
 * undefined/null → the sender is not an active peer (FED_UNKNOWN_SENDER; suspended peers belong
 * here too); 'unknown-key' → a known peer but not one of its keys (FED_UNKNOWN_KEY).
 */
export type SigKeyLookup = PeerSigKey | 'unknown-key' | null | undefined;
export type SigKeyResolver = (from: string, kid: string) => SigKeyLookup;

/** The public signing keys (current + retired) a card lists, as ready-to-use KeyObjects. */
export function cardSigKeys(card: NodeCard): Map<string, PeerSigKey> {
  const keys = new Map<string, PeerSigKey>();
  const add = (jwk: { kty: string; crv: string; x: string; kid: string }, retiredAt: Date | null): void => {
    keys.set(jwk.kid, {
      key: createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' }),
      retiredAt,
    });
  };
  add(card.keys.sig, null);
  for (const prev of card.previousKeys) add(prev.sig, new Date(prev.retiredAt));
  return keys;
}

/** Cards must already have passed verifyNodeCard and belong to active peers. KeyObjects are built once. */
export function resolverFromCards(cards: Iterable<NodeCard>): SigKeyResolver {
  const byNode = new Map<string, Map<string, PeerSigKey>>();
  for (const card of cards) byNode.set(card.id, cardSigKeys(card));
  return (from, kid) => {
    const keys = byNode.get(from);
    if (!keys) return undefined;
    return keys.get(kid) ?? 'unknown-key';
  };
}
