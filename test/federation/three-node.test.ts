// Three node processes, all peered: each sends thousands of pings to both others at once; every
// node applies each sender's pings exactly once and in order, and one suspended peer does not slow
// the others (per-peer queues).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNode, peerAll, peerHealth, ping, pingsFrom, waitFor, type TestNode } from './support/cluster.js';

const N = Number(process.env.CROSSLINE_THREE_NODE_MESSAGES ?? 1000);

describe('three nodes', () => {
  let nodes: TestNode[] = [];
  beforeAll(async () => {
    nodes = await Promise.all([
      createNode({ id: 'cn-one', country: 'CN', store: 'embedded' }),
      createNode({ id: 'us-two', country: 'US', store: 'embedded' }),
      createNode({ id: 'sg-three', country: 'SG', store: 'embedded' }),
    ]);
    await Promise.all(nodes.map((n) => n.start()));
    await peerAll(nodes);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.cleanup()));
  });

  it(`applies ${N} pings from each node to each other node exactly once, in order`, async () => {
    await Promise.all(
      nodes.flatMap((x) =>
        nodes
          .filter((y) => y !== x)
          .map(async (y) => {
            for (let sent = 0; sent < N; sent += N / 2) expect(await ping(x, y.id, N / 2)).toBe(N / 2);
          }),
      ),
    );
    for (const y of nodes) {
      for (const x of nodes.filter((n) => n !== y)) {
        const c = await waitFor(
          `${y.id} to apply ${x.id}'s pings`,
          async () => {
            const s = await pingsFrom(y, x.id);
            return s && s.count >= N ? s : null;
          },
          90_000,
        );
        expect(c).toMatchObject({ count: N, distinctMids: N, firstSeq: 1, lastSeq: N, outOfOrder: 0 });
      }
    }
  }, 150_000);

  it('keeps delivering to healthy peers while one peer is down', async () => {
    const [one, two, three] = nodes as [TestNode, TestNode, TestNode];
    await three.stop();
    const before = (await pingsFrom(two, one.id))!.count;
    await ping(one, three.id, 200);
    await ping(one, two.id, 200);
    const c = await waitFor(
      'two to get its pings while three is down',
      async () => {
        const s = await pingsFrom(two, one.id);
        return s && s.count >= before + 200 ? s : null;
      },
      30_000,
    );
    expect(c.outOfOrder).toBe(0);
    const down = await peerHealth(one, three.id);
    expect(down.queueDepth).toBe(200);
    expect(down.failures.total).toBeGreaterThan(0);
    await three.start();
    const d = await waitFor(
      'three to catch up after restart',
      async () => {
        const s = await pingsFrom(three, one.id);
        return s && s.count >= N + 200 ? s : null;
      },
      60_000,
    );
    expect(d).toMatchObject({ count: N + 200, distinctMids: N + 200, outOfOrder: 0 });
  }, 120_000);
});
