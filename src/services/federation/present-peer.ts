// What the API and CLI show of a peer: identity, endpoint, fingerprint, status (never raw rows).
import { formatFingerprint } from '../../federation/crypto/index.js';
import type { PeerRow } from '../../storage/repositories/peer.repository.js';

export type PeerView = {
  id: string;
  name: { en: string; zh: string };
  country: string;
  endpoint: string;
  fingerprint: string;
  status: PeerRow['status'];
  addedAt: string;
  updatedAt: string;
};

export function presentPeer(row: PeerRow): PeerView {
  return {
    id: row.id,
    name: { en: row.name.en, zh: row.name.zh },
    country: row.country,
    endpoint: row.endpoint,
    fingerprint: formatFingerprint(row.fingerprint),
    status: row.status,
    addedAt: row.addedAt,
    updatedAt: row.updatedAt,
  };
}
