// This node's WebAuthn relying party, from its configuration (src/domain/passkey/relying-party.ts).
import { relyingPartyFor, type RelyingParty } from '../../domain/passkey/relying-party.js';
import type { ServiceContext } from '../context.js';

export function relyingPartyOf(ctx: ServiceContext): RelyingParty {
  const c = ctx.config;
  const scheme = c.tlsCertFile ? 'https' : 'http';
  return relyingPartyFor({
    publicUrl: c.publicUrl,
    passkeyRpId: c.passkeyRpId,
    listenOrigin: `${scheme}://${c.host}:${c.port}`,
    nodeName: `Crossline ${c.nodeName.en}`,
  });
}
