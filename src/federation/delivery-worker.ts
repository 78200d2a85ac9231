// The federation delivery worker of a node: one independent loop per active peer (started, stopped
// as peers come and go), woken at once when a local transaction enqueues messages, plus the
// periodic upkeep (resend requests for old gaps, audit checkpoints).
import type { ServiceContext } from '../services/context.js';
import { startPeriodicSweep } from '../shared/periodic-sweep.js';
import { listPeers } from '../storage/repositories/peer.repository.js';
import type { FederationMetrics } from './federation-metrics.js';
import { runFederationUpkeep } from './federation-upkeep.js';
import { onOutbox } from './outbox-signal.js';
import { startPeerLoop, type PeerLoop } from './peer-loop.js';

export type DeliveryWorker = {
  /** Re-reads the peer list and runs the upkeep now (tests, admin actions). */
  tickNow(): Promise<void>;
  stop(): Promise<void>;
};

const TICK_MS = 1000;

export function startDeliveryWorker(ctx: ServiceContext, metrics: FederationMetrics): DeliveryWorker {
  const loops = new Map<string, PeerLoop>();
  let stopped = false;

  const syncLoops = async () => {
    const active = new Set((await listPeers(ctx.db)).filter((p) => p.status === 'active').map((p) => p.id));
    for (const id of active) if (!loops.has(id) && !stopped) loops.set(id, startPeerLoop(ctx, id, metrics));
    for (const [id, loop] of loops) {
      if (!active.has(id)) {
        loops.delete(id);
        void loop.stop();
      }
    }
  };
  // The periodic upkeep shares the sweep loop of the other workers: one at a time, failures
  // logged and retried at the next tick, stop waits for the one in progress.
  const upkeep = startPeriodicSweep({
    name: 'federation upkeep',
    everyMs: TICK_MS,
    logger: ctx.logger,
    onError: () => undefined,
    sweep: async () => {
      await syncLoops();
      await runFederationUpkeep(ctx);
    },
  });
  const unsubscribe = onOutbox(ctx.db, (peerId) => {
    const loop = loops.get(peerId);
    if (loop) loop.wake();
    else void upkeep.sweepNow(); // a peer just added or resumed
  });

  return {
    tickNow: () => upkeep.sweepNow(),
    async stop() {
      stopped = true;
      unsubscribe();
      await upkeep.stop();
      await Promise.all([...loops.values()].map((l) => l.stop()));
      loops.clear();
    },
  };
}
