// Which WebAuthn relying party this node is: the RP ID (a domain name the browser binds every
// passkey to) and the origins its pages are served from. Both come from the node's public URL
// (`publicUrl`), or, when the node has none, the address it listens at. A browser refuses an IP
// address as RP ID, so a loopback address (a node on one machine, the demo) is named `localhost`:
// its passkeys work on http://localhost:<port>. `passkeyRpId` may widen the RP ID to a parent
// domain of the public host (passkeys that then work on every node under it).
export type RelyingParty = { rpId: string; origins: string[]; rpName: string };

const LOOPBACK = new Set(['127.0.0.1', '[::1]', '::1', '0.0.0.0', '[::]', 'localhost']);

/** Whether `rpId` may name a page served at `host` (equal, or a parent domain of it). */
export function rpIdFitsHost(rpId: string, host: string): boolean {
  const id = rpId.toLowerCase();
  const h = host.toLowerCase();
  return h === id || h.endsWith(`.${id}`);
}

export function relyingPartyFor(input: {
  publicUrl?: string;
  passkeyRpId?: string;
  listenOrigin: string;
  nodeName: string;
}): RelyingParty {
  const url = new URL(input.publicUrl ?? input.listenOrigin);
  const isLoopback = LOOPBACK.has(url.hostname);
  const host = isLoopback ? 'localhost' : url.hostname;
  const origin = `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`;
  const rpId = input.passkeyRpId && rpIdFitsHost(input.passkeyRpId, host) ? input.passkeyRpId.toLowerCase() : host;
  return { rpId, origins: [origin], rpName: input.nodeName };
}
