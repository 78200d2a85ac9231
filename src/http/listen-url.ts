// The URL this process listens at, as a client on the same host reaches it: what the node prints at
// start and the fallback endpoint of its card when no publicUrl is configured.
import type { Server } from 'node:net';

/** `https` when the node serves TLS itself; the wildcard address becomes loopback. */
export function listenUrl(server: Pick<Server, 'address'>, tls: boolean): string | undefined {
  const a = server.address();
  if (typeof a !== 'object' || !a) return undefined;
  const host =
    a.address === '0.0.0.0' || a.address === '::' ? '127.0.0.1' : a.family === 'IPv6' ? `[${a.address}]` : a.address;
  return `${tls ? 'https' : 'http'}://${host}:${a.port}`;
}
