// Verified peer cards as ready-to-use keys, cached per store and re-read when a peer row changes,
// so the inbox and the delivery worker never rebuild KeyObjects per message.
import type { Queryable } from '../storage/db.js';
import { findPeer, type PeerRow } from '../storage/repositories/peer.repository.js';
import {
  cardSigKeys,
  verifyNodeCard,
  type BatchRecipient,
  type NodeCard,
  type PeerSigKey,
  type SigKeyResolver,
} from './crypto/index.js';

export type PeerEntry = {
  id: string;
  endpoint: string;
  status: PeerRow['status'];
  version: number;
  card: NodeCard;
  sigKeys: Map<string, PeerSigKey>;
  recipient: BatchRecipient;
};

const TTL_MS = 1000;
type Cached = { entry: PeerEntry | null; at: number };
const caches = new WeakMap<object, Map<string, Cached>>();

function cacheFor(store: object): Map<string, Cached> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  return cache;
}

export function entryFromRow(row: PeerRow): PeerEntry | null {
  const check = verifyNodeCard(row.card);
  // A stored card that no longer verifies (edited in the database) makes the peer unusable, not trusted.
  if (!check.ok || check.card.id !== row.id) return null;
  return {
    id: row.id,
    endpoint: row.endpoint.replace(/\/+$/, ''),
    status: row.status,
    version: row.version,
    card: check.card,
    sigKeys: cardSigKeys(check.card),
    recipient: { id: check.card.id, keys: { enc: check.card.keys.enc } },
  };
}

/** The peer as stored (any status), from a cache at most TTL_MS old unless `fresh`. */
export async function lookupPeer(store: object, db: Queryable, id: string, fresh = false): Promise<PeerEntry | null> {
  const cache = cacheFor(store);
  const hit = cache.get(id);
  if (!fresh && hit && Date.now() - hit.at < TTL_MS) return hit.entry;
  const row = await findPeer(db, id);
  const entry = row
    ? hit?.entry && hit.entry.version === row.version && hit.entry.status === row.status
      ? hit.entry
      : entryFromRow(row)
    : null;
  cache.set(id, { entry, at: Date.now() });
  return entry;
}

/** Forget a peer after a local change (suspend, resume, card update, removal). */
export function invalidatePeer(store: object, id: string): void {
  cacheFor(store).delete(id);
}

/** Resolves message and receipt signers against exactly one active peer. */
export function resolverFor(peer: PeerEntry | null): SigKeyResolver {
  return (from, kid) => {
    if (!peer || peer.status !== 'active' || from !== peer.id) return undefined;
    return peer.sigKeys.get(kid) ?? 'unknown-key';
  };
}
