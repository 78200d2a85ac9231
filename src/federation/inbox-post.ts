// POSTs one sealed batch to a peer's inbox over node:http(s) with kept-alive connections per peer
// origin. fetch (undici) costs ~0.4 ms more CPU per request on the development machine, paid on
// every batch; at low load every message is its own batch.
import http from 'node:http';
import https from 'node:https';

export type InboxReply = { status: number; body: string };

/** A receipt is a few KB; a peer answering with more is refused before it can fill our memory. */
export const MAX_REPLY_BYTES = 4 * 1024 * 1024;

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 16 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 16 }),
};

export class ReplyTooLarge extends Error {
  constructor() {
    super(`reply larger than ${MAX_REPLY_BYTES} bytes`);
  }
}

/** Resolves with any HTTP status; rejects on network errors, on `signal` (its reason as `cause`) and on oversized replies. */
export function postToInbox(url: string, body: string, signal: AbortSignal): Promise<InboxReply> {
  const secure = url.startsWith('https:');
  const request = secure ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        signal,
        headers: {
          'content-type': 'application/jose',
          accept: 'application/jose',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_REPLY_BYTES) {
            req.destroy(new ReplyTooLarge());
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
