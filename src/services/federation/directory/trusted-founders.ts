// The trust anchors of the directory: the signing keys this node already trusts, i.e. the current
// key of every active peer (an admin confirmed its fingerprint, or an earlier directory version
// this node accepted listed it, or the peer rotated to it with its old key's endorsement) and this
// node's own key. A founder who is not among them cannot count towards the threshold.
import { currentKeys, fingerprintOf, type NodeCard } from '../../../federation/crypto/index.js';
import type { TrustedFounderKey } from '../../../federation/crypto/directory-signature.js';
import type { Queryable } from '../../../storage/db.js';
import { listPeers } from '../../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../../context.js';
import { ownNodeCard } from '../node-card.js';

export async function trustedFounderKeys(ctx: ServiceContext, db: Queryable): Promise<TrustedFounderKey[]> {
  const peers = (await listPeers(db)).filter((p) => p.status === 'active');
  const fingerprints = (card: NodeCard) => [
    card.fingerprint,
    ...card.previousKeys.map((k) => fingerprintOf(k.sig, k.enc)),
  ];
  const ownCard = ownNodeCard(ctx);
  const own = {
    party: ctx.config.nodeId,
    fingerprints: fingerprints(ownCard),
    sig: currentKeys(ctx.secrets.keyRing).jwks.sig,
  };
  return [
    own,
    ...peers.map((p) => {
      // The stored card was accepted by an admin's confirmation, an endorsed rotation or a directory.
      const card = p.card as unknown as NodeCard;
      return { party: p.id, fingerprints: fingerprints(card), sig: card.keys.sig };
    }),
  ];
}
