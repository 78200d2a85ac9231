// Every refusal of docs/spec.md §1.5 against a real node process: replayed, expired, not yet valid, tampered,
// misaddressed, wrongly signed, unknown key, unknown or suspended sender, beyond the re-order
// window, unsupported type, refused by its handler. Each has its own code and a metrics count, and
// nothing of it is applied. Refusals of what the peer really signed have an audit entry each; those
// before any signature held (anyone can cause them) are only counted and summarised per source
// (`federation.inbox_refused`). Also: a gap is held, re-requested, and filled in order.
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyRing, type KeyRing, type NodeCard } from '../../src/federation/crypto/index.js';
import { createNode, METRICS_TOKEN, pingsFrom, waitFor, type TestNode } from './support/cluster.js';
import { checkCard, startFakePeer, type FakePeer } from './support/fake-peer.js';

const WINDOW = 100;

describe('inbox refusals (node process)', () => {
  let rx: TestNode;
  let card: NodeCard;
  let fake: FakePeer;
  let stranger: FakePeer;
  const target = () => ({ url: rx.url, card });

  beforeAll(async () => {
    // Summaries of unauthenticated refusals every second (default: a minute), so each shows at once.
    rx = await createNode({
      id: 'us-rx',
      country: 'US',
      store: 'embedded',
      settings: { federationReorderWindow: WINDOW, federationInboxRefusalAuditSeconds: 1 },
    });
    await rx.start();
    card = checkCard(await (await fetch(`${rx.url}/federation/v1/card`)).json());
    fake = await startFakePeer('sg-fake', () => card);
    stranger = await startFakePeer('xx-stranger', () => card);
    const preview = await rx.api('POST', '/api/federation/peers/preview', { card: fake.card });
    expect(
      (await rx.api('POST', '/api/federation/peers', { card: fake.card, fingerprint: preview.body.fingerprint }))
        .status,
    ).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([fake?.close(), stranger?.close()]);
    await rx?.cleanup();
  });

  const one = async (jws: string) => {
    const r = await fake.send(target(), [jws]);
    expect(r.status).toBe(200);
    return r.receipt!.results[0]!;
  };
  const applied = async (channel: string) => (await pingsFrom(rx, 'sg-fake', channel))?.count ?? 0;
  const audited = async (mid: string, code: string) => {
    const r = await rx.api('GET', `/api/audit?action=federation.rejected&subjectId=${mid}`);
    return r.body.items.some((e: { data: { code: string } }) => e.data.code === code);
  };
  const metric = async (series: string) => {
    const text = await (
      await fetch(`${rx.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    const m = new RegExp(`${series.replace(/[{}]/g, (c) => `\\${c}`)} (\\d+)`).exec(text);
    return m ? Number(m[1]) : 0;
  };
  const counted = (code: string) => metric(`crossline_federation_rejected_total{code="${code}"}`);
  const countedUnauthenticated = (code: string) => metric(`crossline_federation_inbox_refused_total{reason="${code}"}`);
  /** Refusals summarised for one claimed sender (all summary entries so far), per code. */
  const summarised = async (claimedFrom: string, code: string) => {
    const r = await rx.api('GET', '/api/audit?action=federation.inbox_refused&limit=500');
    return r.body.items
      .filter((e: { data: { claimedFrom: string | null } }) => e.data.claimedFrom === claimedFrom)
      .reduce(
        (n: number, e: { data: { refusals: Record<string, number> } }) => n + (e.data.refusals[code] ?? 0),
        0,
      ) as number;
  };
  const midOf = (jws: string) => JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString()).mid as string;
  async function expectRefused(jws: string, code: string, channel: string): Promise<void> {
    const before = await counted(code);
    expect(await one(jws)).toMatchObject({ mid: midOf(jws), status: 'rejected', code });
    expect(await applied(channel)).toBe(0);
    expect(await audited(midOf(jws), code)).toBe(true);
    expect(await counted(code)).toBe(before + 1);
  }
  /** Refused before any signature held: receipted and counted, summarised per source, never audited alone. */
  async function expectRefusedUnauthenticated(jws: string, code: string, channel: string): Promise<void> {
    const [before, beforeUnauth, beforeSummary] = [
      await counted(code),
      await countedUnauthenticated(code),
      await summarised('sg-fake', code),
    ];
    expect(await one(jws)).toMatchObject({ mid: midOf(jws), status: 'rejected', code });
    expect(await applied(channel)).toBe(0);
    expect(await counted(code)).toBe(before + 1);
    expect(await countedUnauthenticated(code)).toBe(beforeUnauth + 1);
    await waitFor(`a summary naming ${code}`, async () => (await summarised('sg-fake', code)) > beforeSummary, 20_000);
    expect(await audited(midOf(jws), code)).toBe(false);
  }

  it('accepts a good message once; the same message again is a duplicate, applied once', async () => {
    const m = fake.message({ to: 'us-rx', channel: 'ok', seq: 1 });
    expect(await one(m)).toEqual({ mid: midOf(m), status: 'accepted' });
    expect(await one(m)).toEqual({ mid: midOf(m), status: 'duplicate' });
    expect(await applied('ok')).toBe(1);
  });

  it('refuses a replay: another message reusing a consumed seq (FED_REPLAYED)', async () => {
    const before = await applied('ok');
    const replay = fake.message({ to: 'us-rx', channel: 'ok', seq: 1, body: { nonce: 'replay' } });
    expect(await one(replay)).toMatchObject({ status: 'rejected', code: 'FED_REPLAYED' });
    expect(await applied('ok')).toBe(before);
    expect(await audited(midOf(replay), 'FED_REPLAYED')).toBe(true);
  });

  it('refuses expired and future-dated messages; an expired one still consumes its seq', async () => {
    const old = new Date(Date.now() - 2 * 86_400_000);
    await expectRefused(
      fake.message({ to: 'us-rx', channel: 'exp', seq: 1, now: old, ttlSeconds: 60 }),
      'FED_EXPIRED',
      'exp',
    );
    await expectRefused(
      fake.message({ to: 'us-rx', channel: 'future', seq: 1, now: new Date(Date.now() + 86_400_000) }),
      'FED_NOT_YET_VALID',
      'future',
    );
    // The channel is not blocked forever by the refused message.
    expect(await one(fake.message({ to: 'us-rx', channel: 'exp', seq: 2 }))).toMatchObject({ status: 'accepted' });
    expect(await pingsFrom(rx, 'sg-fake', 'exp')).toMatchObject({ count: 1, firstSeq: 2 });
  });

  it('refuses tampered batches and messages, wrong signatures and unknown keys', async () => {
    const tamperedBatch = await fake.send(target(), [fake.message({ to: 'us-rx', channel: 'tb', seq: 1 })], {
      tamper: true,
    });
    expect(tamperedBatch).toMatchObject({ status: 400, error: 'FED_TAMPERED' });
    expect(await applied('tb')).toBe(0);
    const good = fake.message({ to: 'us-rx', channel: 'tm', seq: 1 });
    const [h, , s] = good.split('.');
    const altered = [
      h,
      Buffer.from(JSON.stringify({ type: 'federation.ping', schema: 1, body: { nonce: 'evil' } })).toString(
        'base64url',
      ),
      s,
    ].join('.');
    await expectRefusedUnauthenticated(altered, 'FED_BAD_SIGNATURE', 'tm');
    // Signed with another key while naming the peer's key id.
    const forger: KeyRing = createKeyRing(new Date());
    const forged = forger.versions[0]!;
    const impostor: KeyRing = {
      versions: [
        {
          ...forged,
          kid: fake.ring.versions[0]!.kid,
          sig: { ...forged.sig, privateKey: generateKeyPairSync('ed25519').privateKey },
        },
      ],
    };
    await expectRefusedUnauthenticated(
      fake.message({ to: 'us-rx', channel: 'ws', seq: 1, ring: impostor }),
      'FED_BAD_SIGNATURE',
      'ws',
    );
    await expectRefusedUnauthenticated(
      fake.message({ to: 'us-rx', channel: 'uk', seq: 1, ring: forger }),
      'FED_UNKNOWN_KEY',
      'uk',
    );
  });

  it('refuses misaddressed messages and batches, and messages of another sender', async () => {
    await expectRefused(fake.message({ to: 'xx-other', channel: 'mis', seq: 1 }), 'FED_MISADDRESSED', 'mis');
    // Another node's message smuggled into the peer's batch.
    await expectRefusedUnauthenticated(
      stranger.message({ to: 'us-rx', channel: 'sm', seq: 1 }),
      'FED_SENDER_MISMATCH',
      'sm',
    );
    const batch = await fake.send(target(), [fake.message({ to: 'us-rx', channel: 'misb', seq: 1 })], {
      recipientId: 'xx-other',
    });
    expect(batch).toMatchObject({ status: 421, error: 'FED_MISADDRESSED' });
    expect(await applied('misb')).toBe(0);
  });

  it('refuses unknown and suspended senders', async () => {
    const before = await counted('FED_UNKNOWN_SENDER');
    expect(await stranger.send(target(), [stranger.message({ to: 'us-rx', channel: 'ops', seq: 1 })])).toMatchObject({
      status: 403,
      error: 'FED_UNKNOWN_SENDER',
    });
    expect(await pingsFrom(rx, 'xx-stranger')).toBeNull();
    expect((await rx.api('POST', '/api/federation/peers/sg-fake/suspend')).status).toBe(200);
    expect(await fake.send(target(), [fake.message({ to: 'us-rx', channel: 'susp', seq: 1 })])).toMatchObject({
      status: 403,
      error: 'FED_UNKNOWN_SENDER',
    });
    expect((await rx.api('POST', '/api/federation/peers/sg-fake/resume')).status).toBe(200);
    expect(await applied('susp')).toBe(0);
    expect(await counted('FED_UNKNOWN_SENDER')).toBe(before + 2);
    // Not audited one by one (anyone can name a peer): summarised per (client IP, claimed sender).
    await waitFor(
      'summaries of both refused senders',
      async () =>
        (await summarised('xx-stranger', 'FED_UNKNOWN_SENDER')) >= 1 &&
        (await summarised('sg-fake', 'FED_UNKNOWN_SENDER')) >= 1,
      20_000,
    );
    const batches = await rx.api('GET', '/api/audit?action=federation.rejected&subjectType=federation_batch');
    expect(batches.body.items).toEqual([]);
  });

  it('refuses a message beyond the re-order window, an unsupported type, and one its handler refuses', async () => {
    await expectRefused(fake.message({ to: 'us-rx', channel: 'win', seq: 1 + WINDOW }), 'FED_REORDER_WINDOW', 'win');
    await expectRefused(
      fake.message({ to: 'us-rx', channel: 'typ', seq: 1, type: 'x.unheard-of' }),
      'FED_UNSUPPORTED_TYPE',
      'typ',
    );
    // One bad ping between two good ones in one batch: refused alone, the others applied in order.
    const batch = [1, 2, 3].map((seq) =>
      fake.message({ to: 'us-rx', channel: 'hr', seq, body: seq === 2 ? { wrong: true } : { nonce: `n${seq}` } }),
    );
    const r = await fake.send(target(), batch);
    expect(r.receipt!.results.map((x) => x.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(r.receipt!.results[1]!.code).toBe('FED_INVALID_BODY');
    expect(await pingsFrom(rx, 'sg-fake', 'hr')).toMatchObject({ count: 2, firstSeq: 1, lastSeq: 3 });
  });

  it('holds a message after a gap, asks for a re-send, applies in order once filled, and reports a late refusal', async () => {
    const m2 = fake.message({ to: 'us-rx', channel: 'gap', seq: 2 });
    // A well-formed step for a call this node does not have: its handler refuses it when its turn comes.
    const m3 = fake.message({
      to: 'us-rx',
      channel: 'gap',
      seq: 3,
      type: 'call.step',
      body: {
        callId: '01900000-0000-7000-8000-000000000001',
        input: { action: 'note', text: 'hello' },
        by: 'Officer',
        at: new Date().toISOString(),
      },
    });
    expect((await fake.send(target(), [m2, m3])).receipt!.results.map((x) => x.status)).toEqual([
      'accepted',
      'accepted',
    ]);
    expect(await applied('gap')).toBe(0);
    const resend = await waitFor(
      'a resend request',
      async () => fake.received.find((x) => x.type === 'federation.resend'),
      20_000,
    );
    expect(resend.body).toEqual({ channel: 'gap', fromSeq: 1, toSeq: 1 });
    expect(await one(fake.message({ to: 'us-rx', channel: 'gap', seq: 1 }))).toMatchObject({ status: 'accepted' });
    expect(await pingsFrom(rx, 'sg-fake', 'gap')).toMatchObject({ count: 2, firstSeq: 1, lastSeq: 2, outOfOrder: 0 });
    // m3 was receipted 'accepted' while held, refused when its turn came: the sender is told.
    const result = await waitFor(
      'a late refusal report',
      async () => fake.received.find((x) => x.type === 'federation.result'),
      20_000,
    );
    expect(result.body).toEqual({ mid: midOf(m3), code: 'CALL_NOT_FOUND' });
  });
});
