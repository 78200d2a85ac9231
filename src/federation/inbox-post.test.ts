import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_REPLY_BYTES, postToInbox, ReplyTooLarge } from './inbox-post.js';

let server: http.Server | null = null;

async function serve(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/federation/v1/inbox`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = null;
});

describe('postToInbox', () => {
  it('sends the batch as application/jose and returns status and body, whatever the status', async () => {
    const seen: { type?: string; body: string }[] = [];
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => {
        seen.push({ type: req.headers['content-type'], body });
        res
          .writeHead(seen.length === 1 ? 200 : 409)
          .end(seen.length === 1 ? 'receipt' : '{"error":{"code":"FED_REPLAYED"}}');
      });
    });
    expect(await postToInbox(url, 'a.b.c.d.e', AbortSignal.timeout(2000))).toEqual({ status: 200, body: 'receipt' });
    expect(await postToInbox(url, '批次', AbortSignal.timeout(2000))).toEqual({
      status: 409,
      body: '{"error":{"code":"FED_REPLAYED"}}',
    });
    expect(seen).toEqual([
      { type: 'application/jose', body: 'a.b.c.d.e' },
      { type: 'application/jose', body: '批次' },
    ]);
  });

  it('rejects when nobody listens', async () => {
    const url = await serve(() => undefined);
    server!.close();
    await expect(postToInbox(url, 'x', AbortSignal.timeout(2000))).rejects.toThrow();
  });

  it('gives up when the signal fires (a peer that never answers)', async () => {
    const url = await serve(() => undefined);
    const signal = AbortSignal.timeout(150);
    await expect(postToInbox(url, 'x', signal)).rejects.toThrow();
    expect(signal.aborted).toBe(true);
  });

  it('refuses a reply larger than a receipt could ever be', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 120);
      for (let sent = 0; sent <= MAX_REPLY_BYTES; sent += chunk.length) res.write(chunk);
      res.end();
    });
    await expect(postToInbox(url, 'x', AbortSignal.timeout(5000))).rejects.toBeInstanceOf(ReplyTooLarge);
  });
});
