// The transactional outbox on both stores: a message exists exactly when the caller's transaction
// commits (seq included), seqs are per (peer, channel) and gap-free, rows are signed by this node,
// unknown and suspended peers are refused, and only a verified receipt settles a message.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildNodeCard, createKeyRing, resolverFromCards, verifyMessage } from '../../src/federation/crypto/index.js';
import { enqueueMessage } from '../../src/federation/outbox.js';
import { addPeer } from '../../src/services/federation/add-peer.js';
import { setPeerStatus } from '../../src/services/federation/manage-peer.js';
import { ownNodeCard } from '../../src/services/federation/node-card.js';
import { createTestContext, STORES, type TestContext } from '../support/test-context.js';

describe.each(STORES)('federation outbox (%s)', (store) => {
  let t: TestContext;
  const system = { kind: 'system' as const, partyId: 'cn-test' };
  const msg = (channel = 'requests') => ({
    to: 'us-peer',
    channel,
    type: 'federation.ping',
    schema: 1,
    body: { nonce: 'x' },
  });
  beforeEach(async () => {
    t = await createTestContext(store);
    const now = t.clock.now();
    const card = buildNodeCard(
      { id: 'us-peer', name: { en: 'US', zh: '美国' }, country: 'US', endpoint: 'http://127.0.0.1:9' },
      createKeyRing(now),
      now,
    );
    await addPeer(t.ctx, system, { card, fingerprint: card.fingerprint });
  });
  afterEach(async () => {
    await t.cleanup();
  });

  const rows = () =>
    t.ctx.db.query<{ channel: string; seq: number; jws: string; state: string }>(
      'SELECT channel, seq, jws, state FROM federation_outbox ORDER BY channel, seq',
    );

  it('commits messages with their transaction, numbers them per channel, and signs them', async () => {
    await t.ctx.db.transaction(async (tx) => {
      expect(await enqueueMessage(tx, t.ctx, msg())).toMatchObject({ seq: 1 });
      expect(await enqueueMessage(tx, t.ctx, msg())).toMatchObject({ seq: 2 });
      expect(await enqueueMessage(tx, t.ctx, msg('ops'))).toMatchObject({ seq: 1 });
    });
    const stored = await rows();
    expect(stored.map((r) => `${r.channel}:${r.seq}:${r.state}`)).toEqual([
      'ops:1:pending',
      'requests:1:pending',
      'requests:2:pending',
    ]);
    const resolve = resolverFromCards([ownNodeCard(t.ctx)]);
    const verified = verifyMessage(stored[1]!.jws, resolve, {
      to: 'us-peer',
      now: t.clock.now(),
      clockSkewSeconds: 60,
    });
    expect(verified.header).toMatchObject({
      from: 'cn-test',
      to: 'us-peer',
      channel: 'requests',
      seq: 1,
      mtype: 'federation.ping',
    });
  });

  it('leaves neither a message nor a used seq behind when the transaction rolls back', async () => {
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await enqueueMessage(tx, t.ctx, msg());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rows()).toEqual([]);
    await t.ctx.db.transaction((tx) => enqueueMessage(tx, t.ctx, msg()));
    expect((await rows()).map((r) => r.seq)).toEqual([1]);
  });

  it('refuses unknown and suspended peers', async () => {
    await expect(
      t.ctx.db.transaction((tx) => enqueueMessage(tx, t.ctx, { ...msg(), to: 'xx-nobody' })),
    ).rejects.toMatchObject({ code: 'FED_PEER_NOT_FOUND' });
    await setPeerStatus(t.ctx, system, 'us-peer', 'suspended');
    await expect(t.ctx.db.transaction((tx) => enqueueMessage(tx, t.ctx, msg()))).rejects.toMatchObject({
      code: 'FED_PEER_SUSPENDED',
    });
    expect(await rows()).toEqual([]);
  });
});
