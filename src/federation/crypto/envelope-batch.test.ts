// Encrypted batches: one JWE per batch, opened only by the addressed node, any alteration detected.
import { describe, expect, it } from 'vitest';
import { openBatch, sealBatch } from './envelope-batch.js';
import { signMessage, verifyMessage } from './envelope.js';
import { newFederationId } from './ids.js';
import { currentKeys, rotateKeys } from './node-keys.js';
import { resolverFromCards } from './peer-keys.js';
import { expectFedErrorAsync, flipChar, makeNode, T0 } from './test-fixtures.js';

const cn = makeNode('cn-mps');
const us = makeNode('us-fbi');
const gb = makeNode('gb-nca');
const messages = Array.from(
  { length: 5 },
  (_, i) =>
    signMessage(
      currentKeys(cn.ring),
      { from: 'cn-mps', to: 'us-fbi', channel: 'requests', seq: i + 1, now: T0, ttlSeconds: 3600 },
      { type: 'ping', schema: 1, body: { i } },
    ).jws,
);
const bid = newFederationId(T0);

describe('sealBatch / openBatch', () => {
  it('round-trips the messages, which then verify individually', async () => {
    const jwe = await sealBatch(messages, 'cn-mps', us.card, bid);
    expect(jwe.split('.')).toHaveLength(5);
    const opened = await openBatch(jwe, us.ring, { to: 'us-fbi', from: 'cn-mps' });
    expect(opened.header).toEqual({ from: 'cn-mps', to: 'us-fbi', bid, kid: us.card.keys.enc.kid });
    expect(opened.messages).toEqual(messages);
    const resolve = resolverFromCards([cn.card]);
    for (const m of opened.messages)
      verifyMessage(m, resolve, { to: 'us-fbi', from: opened.header.from, now: T0, clockSkewSeconds: 60 });
  });

  it('rejects a batch addressed to another node, and cannot be opened with that node’s keys', async () => {
    const jwe = await sealBatch(messages, 'cn-mps', us.card, bid);
    await expectFedErrorAsync(openBatch(jwe, gb.ring, { to: 'gb-nca' }), 'FED_MISADDRESSED');
    await expectFedErrorAsync(openBatch(jwe, gb.ring, { to: 'us-fbi' }), 'FED_UNKNOWN_KEY');
    await expectFedErrorAsync(openBatch(jwe, us.ring, { to: 'us-fbi', from: 'gb-nca' }), 'FED_SENDER_MISMATCH');
  });

  it('detects tampering with any segment as FED_TAMPERED', async () => {
    const jwe = await sealBatch(messages, 'cn-mps', us.card, bid);
    for (const segment of [1, 2, 3, 4]) {
      await expectFedErrorAsync(openBatch(flipChar(jwe, segment, 3), us.ring, { to: 'us-fbi' }), 'FED_TAMPERED');
    }
    // The header is authenticated data: changing an unchecked member breaks the tag.
    const [h, ...rest] = jwe.split('.');
    const header = JSON.parse(Buffer.from(h!, 'base64url').toString()) as Record<string, unknown>;
    const reheaded = [
      Buffer.from(JSON.stringify({ ...header, bid: newFederationId(T0) })).toString('base64url'),
      ...rest,
    ].join('.');
    await expectFedErrorAsync(openBatch(reheaded, us.ring, { to: 'us-fbi' }), 'FED_TAMPERED');
  });

  it('opens a batch sealed to a key that has since been retired', async () => {
    const jwe = await sealBatch(messages, 'cn-mps', us.card, bid);
    const rotated = rotateKeys(us.ring, new Date(T0.getTime() + 1000));
    expect((await openBatch(jwe, rotated, { to: 'us-fbi' })).messages).toHaveLength(5);
  });

  it('rejects malformed batches', async () => {
    await expectFedErrorAsync(openBatch('a.b.c', us.ring, { to: 'us-fbi' }), 'FED_MALFORMED');
    await expectFedErrorAsync(openBatch(42, us.ring, { to: 'us-fbi' }), 'FED_MALFORMED');
    await expectFedErrorAsync(openBatch('e30.a.b.c.d', us.ring, { to: 'us-fbi' }), 'FED_MALFORMED');
    const tooMany = await sealBatch(messages, 'cn-mps', us.card, bid);
    await expectFedErrorAsync(openBatch(tooMany, us.ring, { to: 'us-fbi', maxMessages: 4 }), 'FED_MALFORMED');
  });
});
