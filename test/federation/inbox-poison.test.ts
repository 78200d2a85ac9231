// Poison messages (docs/federation.md §7, "Dead letters"): a message whose handler fails for good —
// a domain refusal, or a bug such as a TypeError — gets a signed negative receipt with a code, is
// kept as a dead letter, and its channel goes on with the next message; only a transient fault (a
// serialization failure, the database out of reach) aborts the batch for the sender to retry.
// In-process node (the real inbox route), with a handler registered for the test's own type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../src/errors.js';
import {
  buildNodeCard,
  createKeyRing,
  currentKeys,
  newFederationId,
  resolverFromCards,
  sealBatch,
  signMessage,
  verifyReceipt,
  type KeyRing,
  type NodeCard,
  type Receipt,
} from '../../src/federation/crypto/index.js';
import { registerInboundHandler } from '../../src/federation/inbound-handlers.js';
import { addPeer } from '../../src/services/federation/add-peer.js';
import { ownNodeCard } from '../../src/services/federation/node-card.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const applied: string[] = [];
let transientLeft = 0;
registerInboundHandler('test.poison', {
  schemas: { 1: z.object({ mode: z.enum(['ok', 'bug', 'refuse', 'transient', 'sql']), tag: z.string() }) },
  handler: async (_ctx, tx, msg) => {
    await tx.query('SELECT 1');
    if (msg.body.mode === 'bug') {
      // What a handler trusting a cast would do with a body lacking a field.
      const missing = (msg.body as unknown as { clocks?: { ackDueAt: string } }).clocks;
      applied.push(missing!.ackDueAt);
    }
    if (msg.body.mode === 'refuse') throw new AppError('REQUEST_WRONG_PARTY', { details: { tag: msg.body.tag } });
    if (msg.body.mode === 'sql') await tx.query('SELECT 1/0');
    if (msg.body.mode === 'transient' && transientLeft > 0) {
      transientLeft -= 1;
      throw Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' });
    }
    applied.push(msg.body.tag);
  },
});

describe('poison messages (in-process inbox)', () => {
  let t: TestApp;
  let ring: KeyRing;
  let own: NodeCard;
  const seqs = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp('embedded');
    t.clock.set(new Date());
    ring = createKeyRing(t.clock.now());
    const card = buildNodeCard(
      { id: 'sg-poison', name: { en: 'Poison peer', zh: '毒消息对端' }, country: 'SG', endpoint: 'http://127.0.0.1:9' },
      ring,
      t.clock.now(),
    );
    await addPeer(t.ctx, { kind: 'system', partyId: 'cn-test' }, { card, confirmed: true });
    own = ownNodeCard(t.ctx, 'http://127.0.0.1:1');
  });
  afterAll(async () => {
    await t?.close();
  });

  const message = (channel: string, body: unknown, type = 'test.poison') => {
    const seq = (seqs.get(channel) ?? 0) + 1;
    seqs.set(channel, seq);
    return signMessage(
      currentKeys(ring),
      { from: 'sg-poison', to: 'cn-test', channel, seq, now: t.clock.now(), ttlSeconds: 3600 },
      { type, schema: 1, body },
    ).jws;
  };
  const send = async (messages: string[]): Promise<{ status: number; receipt?: Receipt; code?: string }> => {
    const bid = newFederationId(t.clock.now());
    const jwe = await sealBatch(messages, 'sg-poison', { id: own.id, keys: { enc: own.keys.enc } }, bid);
    const res = await t.app.inject({
      method: 'POST',
      url: '/federation/v1/inbox',
      headers: { 'content-type': 'application/jose' },
      payload: jwe,
    });
    if (res.statusCode !== 200) return { status: res.statusCode, code: res.json().error.code };
    return {
      status: 200,
      receipt: verifyReceipt(res.body, resolverFromCards([own]), { bid, from: 'cn-test', to: 'sg-poison' }),
    };
  };
  const deadLetter = async (mid: string) =>
    (
      await t.ctx.db.query<{
        code: string;
        details: Record<string, unknown>;
        message: Buffer;
        state: string;
        seq: number;
        channel: string;
      }>('SELECT code, details, message, state, seq, channel FROM federation_dead_letters WHERE mid = $1', [mid])
    )[0];
  const midOf = (jws: string) => JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString()).mid as string;

  it('refuses a message whose handler throws a TypeError (FED_HANDLER_FAILED), dead-letters it, and applies the next one', async () => {
    const bad = message('bug', { mode: 'bug', tag: 'b1' });
    const next = message('bug', { mode: 'ok', tag: 'after-bug' });
    const r = await send([bad, next]);
    expect(r.status).toBe(200);
    expect(r.receipt!.results).toEqual([
      { mid: midOf(bad), status: 'rejected', code: 'FED_HANDLER_FAILED' },
      { mid: midOf(next), status: 'accepted' },
    ]);
    expect(applied).toContain('after-bug');
    const dl = await deadLetter(midOf(bad));
    expect(dl).toMatchObject({
      code: 'FED_HANDLER_FAILED',
      state: 'open',
      seq: 1,
      channel: 'bug',
      details: { error: 'TypeError' },
    });
    expect(dl!.message.toString('utf8')).toBe(bad);
  });

  it('refuses a message failing a SQL statement the same way, and a domain refusal with its own code', async () => {
    const sql = message('sql', { mode: 'sql', tag: 's1' });
    const refused = message('sql', { mode: 'refuse', tag: 'r1' });
    const next = message('sql', { mode: 'ok', tag: 'after-sql' });
    const r = await send([sql, refused, next]);
    expect(r.receipt!.results.map((x) => [x.status, x.code])).toEqual([
      ['rejected', 'FED_HANDLER_FAILED'],
      ['rejected', 'REQUEST_WRONG_PARTY'],
      ['accepted', undefined],
    ]);
    expect(applied).toContain('after-sql');
    expect(await deadLetter(midOf(sql))).toMatchObject({ code: 'FED_HANDLER_FAILED', details: { sqlstate: '22012' } });
    expect(await deadLetter(midOf(refused))).toMatchObject({
      code: 'REQUEST_WRONG_PARTY',
      details: { details: { tag: 'r1' } },
    });
  });

  it('refuses a body its schema refuses (FED_INVALID_BODY) and an unknown body version, before any handler runs', async () => {
    const invalid = message('schema', { mode: 'bug' });
    const v2 = signMessage(
      currentKeys(ring),
      { from: 'sg-poison', to: 'cn-test', channel: 'schema', seq: 2, now: t.clock.now(), ttlSeconds: 3600 },
      { type: 'test.poison', schema: 2, body: { mode: 'ok', tag: 'v2' } },
    ).jws;
    seqs.set('schema', 2);
    const nul = message('schema', { mode: 'ok', tag: 'nul\u0000byte' });
    const next = message('schema', { mode: 'ok', tag: 'after-schema' });
    const r = await send([invalid, v2, nul, next]);
    expect(r.receipt!.results.map((x) => [x.status, x.code])).toEqual([
      ['rejected', 'FED_INVALID_BODY'],
      ['rejected', 'FED_UNSUPPORTED_TYPE'],
      ['rejected', 'FED_INVALID_BODY'],
      ['accepted', undefined],
    ]);
    expect(applied).toContain('after-schema');
    expect(applied).not.toContain('v2');
    expect((await deadLetter(midOf(invalid)))!.details).toMatchObject({
      type: 'test.poison',
      schema: 1,
      issues: [{ path: 'tag' }],
    });
    expect((await deadLetter(midOf(nul)))!.details).toMatchObject({
      issues: [{ path: 'tag', code: 'unstorable_text' }],
    });
  });

  it('aborts the whole batch on a transient fault (nothing committed); the retry applies it once', async () => {
    transientLeft = 1; // a transient fault is not retried in careful mode: the batch aborts at once
    const m = message('transient', { mode: 'transient', tag: 't1' });
    const first = await send([m]);
    expect(first).toMatchObject({ status: 503, code: 'FED_UNAVAILABLE' });
    expect(applied).not.toContain('t1');
    expect(await deadLetter(midOf(m))).toBeUndefined();
    const retry = await send([m]);
    expect(retry.receipt!.results).toEqual([{ mid: midOf(m), status: 'accepted' }]);
    expect(applied.filter((x) => x === 't1')).toHaveLength(1);
  });

  it('dead-letters a held message its handler refuses when its turn comes, with the bytes it arrived with', async () => {
    const m1 = message('held', { mode: 'ok', tag: 'h1' });
    const m2 = message('held', { mode: 'bug', tag: 'h2' });
    const m3 = message('held', { mode: 'ok', tag: 'h3' });
    expect((await send([m2, m3])).receipt!.results.map((x) => x.status)).toEqual(['accepted', 'accepted']);
    expect(await deadLetter(midOf(m2))).toBeUndefined();
    expect((await send([m1])).receipt!.results).toEqual([{ mid: midOf(m1), status: 'accepted' }]);
    expect(applied).toEqual(expect.arrayContaining(['h1', 'h3']));
    const dl = await deadLetter(midOf(m2));
    expect(dl).toMatchObject({ code: 'FED_HANDLER_FAILED', seq: 2 });
    expect(dl!.message.toString('utf8')).toBe(m2);
  });
});
