// Public keys for verifying a chain of custody: events recorded by this node verify against its
// own key ring (retired keys included); events recorded by another party verify against the
// signing keys (current and previous) on that peer's stored node card. A key is only accepted
// for the party that owns it, so a peer's event cannot pass on our key or another peer's.
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { CustodyEvent, PublicKeyResolver } from '../../domain/case/index.js';
import type { Queryable } from '../../storage/db.js';
import { findPeer } from '../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../context.js';

type Jwk = { kty?: unknown; crv?: unknown; x?: unknown; kid?: unknown };

/** Signing keys listed on a card, by kid. Cards were verified on import; a malformed entry is skipped. */
export function cardSigningKeys(card: Record<string, unknown>): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  const add = (jwk: Jwk | undefined) => {
    if (!jwk || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string' || typeof jwk.kid !== 'string')
      return;
    try {
      keys.set(jwk.kid, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' }));
    } catch {
      // Not a usable key: events signed with it will fail as `unknown_key`.
    }
  };
  add((card.keys as { sig?: Jwk } | undefined)?.sig);
  const previous = Array.isArray(card.previousKeys) ? (card.previousKeys as { sig?: Jwk }[]) : [];
  for (const p of previous) add(p?.sig);
  return keys;
}

export async function custodyKeyResolver(
  ctx: ServiceContext,
  db: Queryable,
  chain: readonly CustodyEvent[],
): Promise<PublicKeyResolver> {
  const local = ctx.config.nodeId;
  const peerKeys = new Map<string, Map<string, KeyObject>>();
  for (const party of new Set(chain.map((e) => e.party))) {
    if (party === local) continue;
    // Suspended peers still verify: their past signatures stay valid history.
    const peer = await findPeer(db, party);
    if (peer) peerKeys.set(party, cardSigningKeys(peer.card));
  }
  return (kid, party) => (party === local ? ctx.secrets.publicKeyFor(kid) : peerKeys.get(party)?.get(kid));
}
