// What a user is shown of their passkeys: never the public key or the credential id in full.
import type { PasskeyRow } from '../../storage/repositories/passkey.repository.js';

export type PublicPasskey = {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** A synced passkey (multi-device) that is backed up survives the loss of one device. */
  backedUp: boolean;
  multiDevice: boolean;
  transports: string[];
};

export function presentPasskey(p: PasskeyRow): PublicPasskey {
  return {
    id: p.id,
    name: p.name,
    createdAt: p.createdAt,
    lastUsedAt: p.lastUsedAt,
    backedUp: p.backedUp,
    multiDevice: p.deviceType === 'multiDevice',
    transports: p.transports,
  };
}
