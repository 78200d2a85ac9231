// The small version of `npm run sim:federation` (docs/scale.md): 5 real node processes on one shared
// embedded PostgreSQL cluster form a federation through the signed directory (2 founders, k = 2),
// fan a TLP:GREEN share and a burst of messages out to every peer, broadcast one hotline alert that
// every recipient's duty officer acknowledges, have one audit checkpoint countersigned by every peer,
// and lose one peer to kill -9 while messages go out: after it restarts every message is held exactly
// once. No timings are asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditCheckpoint,
  deadPeerAndPartition,
  formFederation,
  heldHash,
  hotlineBroadcast,
  nodeId,
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

  it('forms through the directory, fans out, broadcasts, countersigns, and loses nothing to a dead peer', async () => {
    await formFederation(sim);
    for (const n of sim.nodes) expect((await heldHash(n)).version).toBe(1);

    const share = await shareGreenArticle(sim);
    expect(share.recipients).toBe(4);
    const fan = await pingFanOut(sim, 10);
    expect(fan.messages).toBe(40);

    // Every recipient holds the alert once and acknowledged it through its own node, as the sender sees.
    const others = [1, 2, 3, 4].map(nodeId);
    const broadcast = await hotlineBroadcast(sim);
    expect(broadcast.recipients).toBe(4);
    expect(broadcast.deliveredView.counts).toEqual({ recipients: 4, acknowledged: 0, delivered: 4, pending: 0 });
    expect(broadcast.view.counts).toEqual({ recipients: 4, acknowledged: 4, delivered: 0, pending: 0 });
    expect(broadcast.view.recipients.map((r) => r.party).sort()).toEqual(others);
    for (const r of broadcast.view.recipients) {
      expect(r.state).toBe('acknowledged');
      expect(r.deliveredAt).not.toBeNull();
      expect(r.acknowledgedBy).toContain(`Duty officer of ${r.party}`);
    }
    expect(broadcast.heldByRecipient).toEqual(Object.fromEntries(others.map((id) => [id, 1])));
    // One call placed and one acknowledgement relayed back per recipient, at least.
    expect(broadcast.messages).toBeGreaterThanOrEqual(8);

    const checkpoint = await auditCheckpoint(sim);
    expect(checkpoint).toMatchObject({ checkpoints: 4, countersignatures: 4, verified: 4 });
    expect(checkpoint.bytes).toBeGreaterThan(0);

    const failure = await deadPeerAndPartition(sim, 15, 0);
    expect(failure.partitioned).toEqual([]);
    expect(failure.healthy).toBe(3);
    expect(failure.tally).toEqual({ sent: 120, received: 120, distinct: 120, lost: 0, duplicated: 0, rejected: 0 });
  }, 300_000);
});
