// The inbox's defences against unauthenticated noise (docs/federation.md §5), with two app instances
// on one database standing in for two processes of a node (each with its own memory, as processes
// have): refusals before authentication are counted, never audited one by one, summarised at most
// once per source and window; a client IP that spent its refusal budget gets 429 FED_RATE_LIMITED
// before its body is read, on every process, while other clients and real peers go on.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildNodeCard,
  createKeyRing,
  currentKeys,
  newFederationId,
  sealBatch,
  signMessage,
  type KeyRing,
  type NodeCard,
} from '../../src/federation/crypto/index.js';
import { flushInboxRefusalSummaries } from '../../src/federation/inbox-refusals.js';
import { buildApp, type App } from '../../src/http/app.js';
import type { ServiceContext } from '../../src/services/context.js';
import { addPeer } from '../../src/services/federation/add-peer.js';
import { loadNodeSecrets } from '../../src/services/federation/node-key-ring.js';
import { ownNodeCard } from '../../src/services/federation/node-card.js';
import { openDb } from '../../src/storage/db.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const BUDGET = 100;
const ATTACKER = '198.51.100.7';
const PEER_IP = '203.0.113.20';

describe('inbox refusal budget and summaries (two processes on one database)', () => {
  let t: TestApp;
  let ctx2: ServiceContext;
  let app2: App;
  let ring: KeyRing;
  let own: NodeCard;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp('embedded', {
      federationInboxRefusalBudget: BUDGET,
      federationInboxRefusalAuditSeconds: 60,
    });
    t.clock.set(new Date());
    // The second "process": its own connection pool and memory, the same database, clock and keys.
    const db2 = await openDb({
      dataDir: t.dataDir,
      databaseUrl: t.ctx.config.databaseUrl,
      schema: t.ctx.config.databaseSchema,
    });
    ctx2 = { ...t.ctx, db: db2, secrets: await loadNodeSecrets(db2, t.dataDir, {}), logger: pino({ level: 'silent' }) };
    app2 = await buildApp({ ctx: ctx2 });
    await app2.ready();
    ring = createKeyRing(t.clock.now());
    const card = buildNodeCard(
      { id: 'sg-budget', name: { en: 'Budget peer', zh: '预算对端' }, country: 'SG', endpoint: 'http://127.0.0.1:9' },
      ring,
      t.clock.now(),
    );
    await addPeer(t.ctx, { kind: 'system', partyId: 'cn-test' }, { card, confirmed: true });
    own = ownNodeCard(t.ctx, 'http://127.0.0.1:1');
  });
  afterAll(async () => {
    await app2?.close();
    await ctx2?.db.close();
    await t?.close();
  });

  const seal = (messages: string[], from = 'sg-budget') =>
    sealBatch(messages, from, { id: own.id, keys: { enc: own.keys.enc } }, newFederationId(t.clock.now()));
  /** A batch naming the real peer, holding `n` strings that are not messages (anyone can seal one: ECDH-ES is anonymous). */
  const junk = (n: number) => seal(Array.from({ length: n }, (_, i) => `junk-${i}`));
  const real = () => {
    seq += 1;
    return seal([
      signMessage(
        currentKeys(ring),
        { from: 'sg-budget', to: 'cn-test', channel: 'ops', seq, now: t.clock.now(), ttlSeconds: 3600 },
        { type: 'federation.ping', schema: 1, body: { nonce: `n${seq}` } },
      ).jws,
    ]);
  };
  const post = async (app: App, payload: string, ip: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/federation/v1/inbox',
      headers: { 'content-type': 'application/jose' },
      payload,
      remoteAddress: ip,
    });
    return {
      status: res.statusCode,
      code: res.statusCode === 200 ? null : (res.json() as { error: { code: string } }).error.code,
      retryAfter: res.headers['retry-after'],
    };
  };
  const audits = (action: string) =>
    t.ctx.db.query<{ data: Record<string, unknown> }>('SELECT data FROM audit_log WHERE action = $1 ORDER BY seq', [
      action,
    ]);
  const metric = async (app: App, reason: string) => {
    const text = await app.metrics.registry.getSingleMetricAsString('crossline_federation_inbox_refused_total');
    const m = new RegExp(`reason="${reason}"} (\\d+)`).exec(text);
    return m ? Number(m[1]) : 0;
  };

  it('refuses a batch whose first messages authenticate nobody, whole, without checking the rest', async () => {
    // Eight strings checked (none is a message), the other 52 never looked at: 400, and 60 spent.
    expect(await post(t.app, await junk(60), ATTACKER)).toMatchObject({ status: 400, code: 'FED_MALFORMED' });
    expect(await metric(t.app, 'FED_MALFORMED')).toBe(8);
    expect(await metric(t.app, 'FED_UNCHECKED')).toBe(52);
  });

  it('counts refusals before authentication, audits none of them one by one, and shares one budget across processes', async () => {
    // 60 refusals each: with the first test's batch, the second overdraws the shared budget of 100 …
    expect(await post(t.app, await junk(60), ATTACKER)).toMatchObject({ status: 400, code: 'FED_MALFORMED' });
    // … so this process answers 429 before reading the body, with a Retry-After …
    const limited = await post(t.app, await junk(60), ATTACKER);
    expect(limited).toMatchObject({ status: 429, code: 'FED_RATE_LIMITED' });
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    // … and the other process, which has not seen this client yet, serves it once, finds the shared
    // budget spent, and refuses it from then on (with a budget per process it would serve two more).
    expect(await post(app2, await junk(60), ATTACKER)).toMatchObject({ status: 400, code: 'FED_MALFORMED' });
    expect(await post(app2, await junk(60), ATTACKER)).toMatchObject({ status: 429, code: 'FED_RATE_LIMITED' });
    expect(await post(app2, 'not even a batch', ATTACKER)).toMatchObject({ status: 429 });

    expect(await metric(t.app, 'FED_MALFORMED')).toBe(16);
    expect(await metric(t.app, 'FED_UNCHECKED')).toBe(104);
    expect(await metric(app2, 'FED_MALFORMED')).toBe(8);
    expect(await metric(t.app, 'FED_RATE_LIMITED')).toBe(1);
    expect(await metric(app2, 'FED_RATE_LIMITED')).toBe(2);
    expect(await audits('federation.rejected')).toEqual([]);
  });

  it('keeps serving other clients and the real peer while that client is shut out', async () => {
    expect(await post(t.app, await real(), PEER_IP)).toMatchObject({ status: 200 });
    expect(await post(app2, await real(), PEER_IP)).toMatchObject({ status: 200 });
    expect(await post(t.app, await junk(5), '198.51.100.8')).toMatchObject({ status: 200 });
    // The price of deciding before any crypto: a real peer behind the shut-out address waits too.
    expect(await post(t.app, await real(), ATTACKER)).toMatchObject({ status: 429 });
    // Once a minute's worth of refusals has been refilled, the address is served again.
    t.clock.advance(130_000);
    expect(await post(t.app, await real(), ATTACKER)).toMatchObject({ status: 200 });
  });

  it('writes at most one summary per source and window in each process, with the counts per reason', async () => {
    expect(await flushInboxRefusalSummaries(t.ctx)).toBe(3); // attacker (claimed sg-budget), attacker (unread), second client
    expect(await flushInboxRefusalSummaries(ctx2)).toBe(2);
    const first = await audits('federation.inbox_refused');
    expect(first).toHaveLength(5);
    expect(first).toEqual(
      expect.arrayContaining([
        {
          data: expect.objectContaining({
            ip: ATTACKER,
            claimedFrom: 'sg-budget',
            requests: 2,
            refusals: { FED_MALFORMED: 16, FED_UNCHECKED: 104 },
          }),
        },
        {
          data: expect.objectContaining({
            ip: ATTACKER,
            claimedFrom: null,
            requests: 2,
            refusals: { FED_RATE_LIMITED: 2 },
          }),
        },
        {
          data: expect.objectContaining({
            ip: ATTACKER,
            claimedFrom: 'sg-budget',
            requests: 1,
            refusals: { FED_MALFORMED: 8, FED_UNCHECKED: 52 },
          }),
        },
      ]),
    );
    // More noise within the window: counted, not written …
    for (let i = 0; i < 5; i += 1) await post(t.app, await junk(3), '198.51.100.9');
    await post(t.app, await junk(3), '198.51.100.8');
    expect(await flushInboxRefusalSummaries(t.ctx)).toBe(1); // a new source: written at once
    expect(await flushInboxRefusalSummaries(t.ctx)).toBe(0);
    // … until the source's window has passed: then one entry carries everything since.
    t.clock.advance(60_000);
    expect(await flushInboxRefusalSummaries(t.ctx)).toBe(1);
    const last = (await audits('federation.inbox_refused')).at(-1)!;
    expect(last.data).toMatchObject({
      ip: '198.51.100.8',
      claimedFrom: 'sg-budget',
      requests: 1,
      refusals: { FED_MALFORMED: 3 },
    });
    expect(await flushInboxRefusalSummaries(t.ctx)).toBe(0);
  });
});
