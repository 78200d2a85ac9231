// Two node processes exchange thousands of pings in both directions through proxies that duplicate,
// delay (re-order), drop and replay batches, and through a partition that heals: every message is
// applied exactly once, in order, and every delivered message has a stored signed receipt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChaosProxy, type ChaosProxy } from './support/chaos-proxy.js';
import {
  createNode,
  freePort,
  peerAll,
  peerHealth,
  ping,
  pingsFrom,
  waitFor,
  type TestNode,
} from './support/cluster.js';

const PER_ROUND = Number(process.env.CROSSLINE_CHAOS_ROUND ?? 500);
const ROUNDS = 3;

describe('two nodes through a misbehaving network', () => {
  let a: TestNode;
  let b: TestNode;
  let pa: ChaosProxy;
  let pb: ChaosProxy;

  beforeAll(async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    [a, b] = await Promise.all([
      // Small batches: more batches, so more of them meet the proxy's mischief.
      createNode({
        id: 'cn-a',
        country: 'CN',
        store: 'embedded',
        publicUrl: `http://127.0.0.1:${portA}`,
        settings: { federationBatchSize: 20 },
      }),
      createNode({
        id: 'us-b',
        country: 'US',
        store: 'embedded',
        publicUrl: `http://127.0.0.1:${portB}`,
        settings: { federationBatchSize: 20 },
      }),
    ]);
    pa = await startChaosProxy(portA, a.url, 1);
    pb = await startChaosProxy(portB, b.url, 2);
    await Promise.all([a.start(), b.start()]);
    await peerAll([a, b]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([pa?.close(), pb?.close()]);
    await Promise.all([a?.cleanup(), b?.cleanup()]);
  });

  it('applies every ping exactly once and in order despite duplicates, re-orderings, drops and a partition', async () => {
    const chaos = { duplicate: 0.15, delay: 0.3, delayMs: 60, dropRequest: 0.05, dropResponse: 0.08, replayOld: 0.1 };
    pa.setChaos(chaos);
    pb.setChaos(chaos);
    let sentAB = 0;
    let sentBA = 0;
    for (let round = 0; round < ROUNDS; round++) {
      if (round === 1) pb.partition(true); // b unreachable while a keeps queueing
      sentAB += await ping(a, 'us-b', PER_ROUND);
      sentBA += await ping(b, 'cn-a', PER_ROUND);
      if (round === 1) {
        await new Promise((r) => setTimeout(r, 3000));
        const during = await peerHealth(a, 'us-b');
        expect(during.queueDepth).toBeGreaterThan(0);
        expect(during.failures.total).toBeGreaterThan(0);
        pb.partition(false);
      }
    }
    expect(sentAB).toBe(ROUNDS * PER_ROUND);
    const atB = await waitFor(
      "b to apply all of a's pings",
      async () => {
        const c = await pingsFrom(b, 'cn-a');
        return c && c.count >= sentAB ? c : null;
      },
      90_000,
    );
    const atA = await waitFor(
      "a to apply all of b's pings",
      async () => {
        const c = await pingsFrom(a, 'us-b');
        return c && c.count >= sentBA ? c : null;
      },
      90_000,
    );
    for (const [c, n] of [
      [atB, sentAB],
      [atA, sentBA],
    ] as const) {
      expect(c).toMatchObject({ count: n, distinctMids: n, firstSeq: 1, lastSeq: n, outOfOrder: 0 });
    }
    // Nothing left behind, nothing refused, and a stored receipt behind every delivered message.
    const health = await waitFor('queues to drain', async () => {
      const [ha, hb] = [await peerHealth(a, 'us-b'), await peerHealth(b, 'cn-a')];
      return ha.queueDepth === 0 && hb.queueDepth === 0 ? [ha, hb] : null;
    });
    for (const h of health) {
      expect(h).toMatchObject({ rejected: 0, sentWithoutReceipt: 0 });
      expect(h.latencyMs.samples).toBeGreaterThan(0);
    }
    // The network really misbehaved.
    const s = { ...pa.stats };
    for (const k of Object.keys(s) as (keyof typeof s)[]) s[k] += pb.stats[k];
    expect(s.duplicated).toBeGreaterThan(0);
    expect(s.droppedRequests + s.droppedResponses).toBeGreaterThan(0);
    expect(s.replayed).toBeGreaterThan(0);
    expect(s.refused).toBeGreaterThan(0);
    process.stdout.write(`two-node chaos: a→b ${sentAB}, b→a ${sentBA}; proxy ${JSON.stringify(s)}\n`);
  }, 180_000);
});
