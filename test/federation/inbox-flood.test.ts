// A junk flood against a real node's inbox (security review item 1): four clients from another
// address post, as fast as they are answered, batches that name a real peer and hold 2,500 strings
// that are not messages (13.7 KB, as in the review), or 250 messages forged under the peer's key id. Meanwhile the real peer
// sends one message per call. Checked in every run: every real message is delivered during the
// flood, the junk costs bounded work (the first concurrent batches are opened, every later request
// is refused unread) and the receiver's audit log stays bounded (a few summaries per source per
// minute, no entry per junk item). The real peer's delivery time (enqueue → verified receipt)
// without and with the flood is printed in every run; it is asserted (p99 within 2×) only in
// `npm run test:flood` (CROSSLINE_FLOOD_FULL=1, more messages) — a latency ratio is a timing figure,
// and on a shared 2-core machine a p99 over 150 samples moves by more than 2× between runs.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKeyRing,
  newFederationId,
  sealBatch,
  signMessage,
  type KeyRing,
  type NodeCard,
} from '../../src/federation/crypto/index.js';
import { generateKeyPairSync } from 'node:crypto';
import { createNode, peerAll, waitFor, type TestNode } from './support/cluster.js';
import { checkCard } from './support/fake-peer.js';

const FULL = process.env.CROSSLINE_FLOOD_FULL === '1';
const CALLS = Number(process.env.CROSSLINE_FLOOD_CALLS ?? (FULL ? 150 : 50));
/** Quiet and flooded windows alternate, so both see the same background load of the machine. */
const ROUNDS = 3;
const INTERVAL_MS = 40;
const FLOODERS = 4;
const ATTACKER_ADDRESS = '127.0.0.2';

type Outbox = { items: { channel: string; seq: number; createdAt: string; sentAt: string | null; state: string }[] };

const p = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
};

describe('junk flood against the inbox (node processes)', () => {
  let sender: TestNode;
  let receiver: TestNode;
  let receiverCard: NodeCard;
  let senderCard: NodeCard;
  let nextSeq = 1;

  beforeAll(async () => {
    [sender, receiver] = await Promise.all([
      createNode({ id: 'cn-flood-a', country: 'CN', store: 'embedded' }),
      createNode({ id: 'us-flood-b', country: 'US', store: 'embedded' }),
    ]);
    await Promise.all([sender.start(), receiver.start()]);
    await peerAll([sender, receiver]);
    receiverCard = checkCard(await (await fetch(`${receiver.url}/federation/v1/card`)).json());
    senderCard = checkCard(await (await fetch(`${sender.url}/federation/v1/card`)).json());
  }, 180_000);
  afterAll(async () => {
    await Promise.all([sender?.cleanup(), receiver?.cleanup()]);
  });

  /** The real peer sends CALLS messages, one per API call; returns each one's delivery time in ms. */
  async function measure(): Promise<number[]> {
    const first = nextSeq;
    for (let i = 0; i < CALLS; i += 1) {
      const started = Date.now();
      const r = await sender.api('POST', `/api/federation/peers/${receiver.id}/ping`, { count: 1 });
      expect(r.status).toBe(201);
      nextSeq = r.body.lastSeq + 1;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, INTERVAL_MS - (Date.now() - started))));
    }
    const last = nextSeq - 1;
    const done = await waitFor(
      'every message delivered',
      async () => {
        const out = (
          await sender.api<Outbox>('GET', `/api/federation/outbox?peer=${receiver.id}&state=sent&limit=500`)
        ).body.items.filter((m) => m.channel === 'ops' && m.seq >= first && m.seq <= last);
        return out.length === last - first + 1 ? out : null;
      },
      120_000,
    );
    return done.map((m) => new Date(m.sentAt!).getTime() - new Date(m.createdAt).getTime());
  }

  /** Four clients from another address posting junk naming the real peer, until stopped. */
  async function flood(stop: AbortSignal, statuses: Map<number, number>): Promise<void> {
    const strings = await sealBatch(
      Array.from({ length: 2500 }, (_, i) => `j${i}`),
      senderCard.id,
      { id: receiverCard.id, keys: { enc: receiverCard.keys.enc } },
      newFederationId(new Date()),
    );
    // Forged: well-formed messages under the real peer's key id, signed with another key.
    const forger: KeyRing = createKeyRing(new Date());
    const v = forger.versions[0]!;
    const impostor: KeyRing = {
      versions: [
        {
          ...v,
          kid: senderCard.keys.sig.kid,
          sig: { ...v.sig, privateKey: generateKeyPairSync('ed25519').privateKey },
        },
      ],
    };
    const forged = await sealBatch(
      Array.from(
        { length: 250 },
        (_, i) =>
          signMessage(
            impostor.versions[0]!,
            {
              from: senderCard.id,
              to: receiverCard.id,
              channel: 'ops',
              seq: 1_000_000 + i,
              now: new Date(),
              ttlSeconds: 3600,
            },
            { type: 'federation.ping', schema: 1, body: { nonce: `f${i}` } },
          ).jws,
      ),
      senderCard.id,
      { id: receiverCard.id, keys: { enc: receiverCard.keys.enc } },
      newFederationId(new Date()),
    );
    const agent = new http.Agent({ keepAlive: true, maxSockets: FLOODERS });
    const post = (body: string) =>
      new Promise<number>((resolve) => {
        const req = http.request(
          `${receiver.url}/federation/v1/inbox`,
          {
            method: 'POST',
            agent,
            localAddress: ATTACKER_ADDRESS,
            headers: { 'content-type': 'application/jose', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', () => resolve(0));
        req.end(body);
      });
    await Promise.all(
      Array.from({ length: FLOODERS }, async (_, k) => {
        for (let i = 0; !stop.aborted; i += 1) {
          const status = await post((i + k) % 2 === 0 ? strings : forged);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    agent.destroy();
  }

  it("delivers the real peer's messages through the flood with bounded junk work and a bounded audit log", async () => {
    const startedAt = Date.now();
    const auditBefore = (await receiver.api('GET', '/api/audit/verify')).body;
    await measure(); // warm-up: connections, JIT, the first batches
    const unloaded: number[] = [];
    const loaded: number[] = [];
    const statuses = new Map<number, number>();
    const rounds: { unloadedP99: number; floodP99: number }[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const quiet = await measure();
      const stop = new AbortController();
      const flooding = flood(stop.signal, statuses);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the flood is under way
      const busy = await measure();
      stop.abort();
      await flooding;
      unloaded.push(...quiet);
      loaded.push(...busy);
      rounds.push({ unloadedP99: p(quiet, 0.99), floodP99: p(busy, 0.99) });
    }

    const figures = {
      samples: unloaded.length,
      unloaded: { p50: p(unloaded, 0.5), p99: p(unloaded, 0.99), max: Math.max(...unloaded) },
      flood: { p50: p(loaded, 0.5), p99: p(loaded, 0.99), max: Math.max(...loaded) },
      rounds,
      junkResponses: Object.fromEntries(statuses),
    };
    console.log(`inbox flood figures (ms): ${JSON.stringify(figures)}`);

    // Audit: no entry per junk item (the only entries are the real peer's messages, received), and
    // only a few summaries per source.
    const verify = (await receiver.api('GET', '/api/audit/verify')).body;
    const rejected = (await receiver.api('GET', '/api/audit?action=federation.rejected&limit=500')).body
      .items as unknown[];
    const received = (ROUNDS * 2 + 1) * CALLS;
    console.log(
      `audit: ${verify.entries - auditBefore.entries} entries written during the test for ${received} messages received; federation.rejected entries: ${rejected.length}`,
    );
    expect(rejected).toHaveLength(0);
    if (FULL) expect(figures.flood.p99).toBeLessThanOrEqual(2 * figures.unloaded.p99);
    const summaries = await waitFor(
      'the summaries',
      async () => {
        const r = (await receiver.api('GET', '/api/audit?action=federation.inbox_refused&limit=500')).body.items as {
          data: { ip: string; claimedFrom: string | null; refusals: Record<string, number> };
        }[];
        return r.length > 0 ? r : null;
      },
      10_000,
    );
    console.log(`summaries: ${JSON.stringify(summaries.map((x) => x.data))}`);
    expect(verify.entries - auditBefore.entries).toBeLessThanOrEqual(received + summaries.length + 10);
    const perSource = new Map<string, number>();
    for (const x of summaries)
      perSource.set(
        `${x.data.ip}|${x.data.claimedFrom}`,
        (perSource.get(`${x.data.ip}|${x.data.claimedFrom}`) ?? 0) + 1,
      );
    for (const [source, n] of perSource) expect(n, source).toBeLessThanOrEqual(2);
    expect([...perSource.keys()].every((k) => k.startsWith(`${ATTACKER_ADDRESS}|`))).toBe(true);
    expect(
      summaries.reduce((n, x) => n + Object.values(x.data.refusals).reduce((a, b) => a + b, 0), 0),
    ).toBeGreaterThan(0);

    // The flood was real: its first batches were opened and refused whole (400 junk strings, 401
    // forged signatures), then every request was refused unread — held a second first, which slows
    // each waiting client to a request per second — and the real peer kept its pace.
    // The first junk batches overdraw the budget (docs/federation.md §5): the address is shut out until it
    // refills, about a minute; so at most the flooders' in-flight requests are opened per minute of the test.
    const opened = (statuses.get(400) ?? 0) + (statuses.get(401) ?? 0);
    const windows = 1 + Math.ceil((Date.now() - startedAt) / 60_000);
    expect(opened).toBeGreaterThanOrEqual(1);
    expect(opened).toBeLessThanOrEqual(FLOODERS * windows);
    expect(statuses.get(429) ?? 0).toBeGreaterThanOrEqual(FLOODERS * ROUNDS);
    expect(statuses.get(200) ?? 0).toBe(0);
  }, 600_000);
});
