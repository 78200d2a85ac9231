// Process liveness: a batch of outgoing messages claimed by a node process, or a TAXII feed it is
// pulling, is taken over by another process of the node as soon as the first is gone (its liveness
// lock ended with its database session) — not when the 30-second lease runs out — and never while
// it is alive.
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildNodeCard, createKeyRing } from '../../src/federation/crypto/index.js';
import { enqueueMessage } from '../../src/federation/outbox.js';
import { addPeer } from '../../src/services/federation/add-peer.js';
import { openDb, type Db } from '../../src/storage/db.js';
import { holdProcessLiveness, type ProcessLiveness } from '../../src/storage/process-liveness.js';
import { claimOutboxBatch } from '../../src/storage/repositories/federation-outbox.repository.js';
import { claimFeed } from '../../src/storage/repositories/taxii-feed.repository.js';
import { createTestContext, STORES, type TestContext } from '../support/test-context.js';

describe.each(STORES)('process liveness (%s)', (store) => {
  let t: TestContext;
  let dbA: Db;
  let dbB: Db;
  let a: ProcessLiveness;
  let b: ProcessLiveness;
  const logger = pino({ level: 'silent' });
  const system = { kind: 'system' as const, partyId: 'cn-test' };

  beforeEach(async () => {
    t = await createTestContext(store);
    const now = t.clock.now();
    const card = buildNodeCard(
      { id: 'us-peer', name: { en: 'US', zh: '美国' }, country: 'US', endpoint: 'http://127.0.0.1:9' },
      createKeyRing(now),
      now,
    );
    await addPeer(t.ctx, system, { card, fingerprint: card.fingerprint });
    await t.ctx.db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++)
        await enqueueMessage(tx, t.ctx, {
          to: 'us-peer',
          channel: 'ops',
          type: 'federation.ping',
          schema: 1,
          body: { nonce: `n${i}` },
        });
    });
    // Two processes of the node: each its own pool and its own liveness lock.
    const where = { dataDir: t.dataDir, databaseUrl: t.ctx.config.databaseUrl, schema: t.ctx.config.databaseSchema };
    [dbA, dbB] = [await openDb(where), await openDb(where)];
    [a, b] = [await holdProcessLiveness(dbA, logger), await holdProcessLiveness(dbB, logger)];
  });
  afterEach(async () => {
    await b.stop();
    await a.stop();
    await dbA.close();
    await dbB.close();
    await t.cleanup();
  });

  const lease = (owner: number) => ({ until: new Date(t.clock.now().getTime() + 30_000), owner });

  it("keeps a live process's batch to it, and hands it over the moment that process is gone", async () => {
    const claimedByA = await claimOutboxBatch(dbA, 'us-peer', t.clock.now(), lease(a.owner), 10);
    expect(claimedByA.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(await claimOutboxBatch(dbB, 'us-peer', t.clock.now(), lease(b.owner), 10)).toEqual([]);
    await a.stop(); // the process died: its session, and with it its liveness lock, is gone
    const claimedByB = await claimOutboxBatch(dbB, 'us-peer', t.clock.now(), lease(b.owner), 10);
    expect(claimedByB.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(await claimOutboxBatch(dbB, 'us-peer', t.clock.now(), lease(b.owner), 10)).toEqual([]);
  });

  it('does the same for a TAXII feed being pulled', async () => {
    const id = 'feed-1';
    await t.ctx.db.query(
      `INSERT INTO taxii_feeds (id, name, api_root_url, remote_collection, target_collection_id, interval_minutes, enabled, next_run_at, auth_kind, created_at, updated_at)
       VALUES ($1, 'feed', 'https://intel.example/taxii2/api/', 'c', (SELECT id FROM intel_collections LIMIT 1), 60, true, $2, 'none', $2, $2)`,
      [id, t.clock.now().toISOString()],
    );
    const now = t.clock.now().toISOString();
    const stale = new Date(t.clock.now().getTime() - 30 * 60_000).toISOString();
    expect(await claimFeed(dbA, id, now, stale, a.owner)).not.toBeNull();
    expect(await claimFeed(dbB, id, now, stale, b.owner)).toBeNull();
    await a.stop();
    expect(await claimFeed(dbB, id, now, stale, b.owner)).not.toBeNull();
  });
});
