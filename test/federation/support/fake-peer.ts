// A federation peer simulated inside the test process: its own key ring and card, an HTTP inbox that
// records what the node under test sends it (answering with signed receipts), and helpers to craft
// messages and batches — including deliberately wrong ones.
import { createServer, type Server } from 'node:http';
import {
  buildNodeCard,
  createKeyRing,
  currentKeys,
  newFederationId,
  openBatch,
  resolverFromCards,
  sealBatch,
  signMessage,
  signReceipt,
  verifyMessage,
  verifyNodeCard,
  verifyReceipt,
  type KeyRing,
  type NodeCard,
  type Receipt,
} from '../../../src/federation/crypto/index.js';
import { freePort } from './cluster.js';

export type Received = { mid: string; type: string; channel: string; seq: number; body: unknown };
export type SendResult = { status: number; receipt?: Receipt; error?: string };

export type FakePeer = {
  id: string;
  ring: KeyRing;
  card: NodeCard;
  received: Received[];
  message(opts: {
    to: string;
    channel: string;
    seq: number;
    type?: string;
    body?: unknown;
    now?: Date;
    ttlSeconds?: number;
    mid?: string;
    ring?: KeyRing;
  }): string;
  send(
    target: { url: string; card: NodeCard },
    messages: string[],
    opts?: { recipientId?: string; tamper?: boolean },
  ): Promise<SendResult>;
  close(): Promise<void>;
};

export async function startFakePeer(id: string, nodeCard: () => NodeCard | null): Promise<FakePeer> {
  const port = await freePort();
  const now = new Date();
  const ring = createKeyRing(now);
  const card = buildNodeCard(
    { id, name: { en: `Fake ${id}`, zh: `模拟 ${id}` }, country: 'SG', endpoint: `http://127.0.0.1:${port}` },
    ring,
    now,
  );
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(card));
          return;
        }
        const sender = nodeCard();
        const opened = await openBatch(Buffer.concat(chunks).toString(), ring, { to: id });
        const resolve = resolverFromCards(sender ? [sender] : []);
        const results = opened.messages.map((jws) => {
          const m = verifyMessage(jws, resolve, {
            to: id,
            from: opened.header.from,
            now: new Date(),
            clockSkewSeconds: 60,
          });
          received.push({
            mid: m.header.mid,
            type: m.header.mtype,
            channel: m.header.channel,
            seq: m.header.seq,
            body: m.payload.body,
          });
          return { mid: m.header.mid, status: 'accepted' as const };
        });
        const receipt = signReceipt(currentKeys(ring), {
          bid: opened.header.bid,
          from: id,
          to: opened.header.from,
          receivedAt: new Date().toISOString(),
          results,
        });
        res.writeHead(200, { 'content-type': 'application/jose' });
        res.end(receipt);
      })().catch(() => {
        res.writeHead(500);
        res.end();
      });
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));

  return {
    id,
    ring,
    card,
    received,
    message: (o) =>
      signMessage(
        currentKeys(o.ring ?? ring),
        {
          from: id,
          to: o.to,
          channel: o.channel,
          seq: o.seq,
          now: o.now ?? new Date(),
          ttlSeconds: o.ttlSeconds ?? 3600,
          mid: o.mid,
        },
        { type: o.type ?? 'federation.ping', schema: 1, body: o.body ?? { nonce: `n-${o.seq}` } },
      ).jws,
    async send(target, messages, opts = {}) {
      const bid = newFederationId(new Date());
      let jwe = await sealBatch(
        messages,
        id,
        { id: opts.recipientId ?? target.card.id, keys: { enc: target.card.keys.enc } },
        bid,
      );
      if (opts.tamper) {
        const parts = jwe.split('.');
        const ct = parts[3]!;
        parts[3] = ct.slice(0, 10) + (ct[10] === 'A' ? 'B' : 'A') + ct.slice(11);
        jwe = parts.join('.');
      }
      const res = await fetch(`${target.url}/federation/v1/inbox`, {
        method: 'POST',
        headers: { 'content-type': 'application/jose' },
        body: jwe,
      });
      const text = await res.text();
      if (res.status !== 200)
        return { status: res.status, error: (JSON.parse(text) as { error: { code: string } }).error.code };
      const resolve = resolverFromCards([target.card]);
      return { status: 200, receipt: verifyReceipt(text, resolve, { bid, from: target.card.id, to: id }) };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export function checkCard(raw: unknown): NodeCard {
  const c = verifyNodeCard(raw);
  if (!c.ok) throw new Error(c.reason);
  return c.card;
}
