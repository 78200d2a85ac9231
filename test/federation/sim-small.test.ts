// The small version of `npm run sim:federation` (docs/scale.md): 5 real node processes on one shared
// embedded PostgreSQL cluster form a federation through the signed directory (2 founders, k = 2),
// fan a TLP:GREEN share and a burst of messages out to every peer, and lose one peer to kill -9 while
// messages go out: after it restarts every message is held exactly once. No timings are asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deadPeerAndPartition,
  formFederation,
  heldHash,
  pingFanOut,
  shareGreenArticle,
  startSim,
  type Sim,
} from './support/sim-federation.js';

describe('federation simulation, 5 nodes', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim({
      nodes: 5,
      clusterSettings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
    });
  }, 240_000);
  afterAll(async () => {
    await sim?.stop();
  }, 60_000);

  it('forms through the directory, fans out, and loses nothing to a dead peer', async () => {
    await formFederation(sim);
    for (const n of sim.nodes) expect((await heldHash(n)).version).toBe(1);

    const share = await shareGreenArticle(sim);
    expect(share.recipients).toBe(4);
    const fan = await pingFanOut(sim, 10);
    expect(fan.messages).toBe(40);

    const failure = await deadPeerAndPartition(sim, 15, 0);
    expect(failure.partitioned).toEqual([]);
    expect(failure.healthy).toBe(3);
    expect(failure.tally).toEqual({ sent: 120, received: 120, distinct: 120, lost: 0, duplicated: 0, rejected: 0 });
  }, 300_000);
});
