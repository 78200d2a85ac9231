// The delivery loop of ONE peer: claim due messages in (channel, seq) order, send up to N batches at
// once, back off when the peer fails. Each peer has its own loop, so a dead peer only delays itself.
import type { ServiceContext } from '../services/context.js';
import { claimOutboxBatch, nextDueAt } from '../storage/repositories/federation-outbox.repository.js';
import { getPeerDeliveryState } from '../storage/repositories/federation-peer-state.repository.js';
import { deliverBatch } from './deliver-batch.js';
import type { FederationMetrics } from './federation-metrics.js';
import { lookupPeer } from './peer-directory.js';

export type PeerLoop = { wake(): void; stop(): Promise<void> };

export function startPeerLoop(ctx: ServiceContext, peerId: string, metrics: FederationMetrics): PeerLoop {
  const cfg = ctx.config;
  let stopped = false;
  let pendingWake = false;
  let wakeNow: (() => void) | null = null;
  const inFlight = new Set<Promise<void>>();
  // Aborts in-flight POSTs on stop: their batches stay pending (leased) and are sent again later.
  const abort = new AbortController();
  /** Closed after a failure until the stored retry time; re-read from the database after a wake-up (resume). */
  let gateUntil: Date | null = null;
  /** Whether the last claim filled a whole batch (a backlog worth pipelining). */
  let lastFull = false;

  const wake = () => {
    if (wakeNow) wakeNow();
    else pendingWake = true;
  };
  const sleep = (ms: number) =>
    new Promise<boolean>((resolve) => {
      if (pendingWake || stopped) {
        pendingWake = false;
        resolve(true);
        return;
      }
      const timer = setTimeout(
        () => {
          wakeNow = null;
          resolve(false);
        },
        Math.max(0, ms),
      );
      wakeNow = () => {
        clearTimeout(timer);
        wakeNow = null;
        resolve(true);
      };
    });

  const send = (
    peer: NonNullable<Awaited<ReturnType<typeof lookupPeer>>>,
    batch: Awaited<ReturnType<typeof claimOutboxBatch>>,
  ) => {
    const p: Promise<void> = deliverBatch(ctx, peer, batch, metrics, abort.signal)
      .then((outcome) => {
        gateUntil = outcome.ok ? null : outcome.retryAt;
      })
      .catch((err: unknown) => {
        // A bug or a database fault: the lease makes the batch claimable again later; do not spin.
        ctx.logger.error({ err, peer: peerId }, 'federation delivery failed unexpectedly');
        gateUntil = new Date(ctx.clock().getTime() + cfg.federationRetryBaseMs);
      })
      .finally(() => {
        inFlight.delete(p);
        wake();
      });
    inFlight.add(p);
  };

  const run = (async () => {
    gateUntil = (await getPeerDeliveryState(ctx.db, peerId).catch(() => null))?.retryAt ?? null;
    while (!stopped) {
      try {
        const now = ctx.clock();
        if (gateUntil && gateUntil > now) {
          if (await sleep(gateUntil.getTime() - now.getTime()))
            gateUntil = (await getPeerDeliveryState(ctx.db, peerId)).retryAt;
          continue;
        }
        // Pipelining pays only with a backlog: while a partial batch is in flight, let new messages
        // accumulate into the next batch instead of paying a whole round trip (and a receiver
        // transaction) per message. The in-flight batch's completion wakes the loop.
        if (inFlight.size >= cfg.federationMaxInFlight || (inFlight.size > 0 && !lastFull)) {
          await sleep(cfg.federationPollMs);
          continue;
        }
        const peer = await lookupPeer(ctx.db, ctx.db, peerId);
        if (!peer || peer.status !== 'active') {
          await sleep(cfg.federationPollMs);
          continue;
        }
        const lease = {
          until: new Date(now.getTime() + cfg.federationLeaseSeconds * 1000),
          owner: ctx.processOwner ?? null,
        };
        const batch = await claimOutboxBatch(ctx.db, peerId, now, lease, cfg.federationBatchSize);
        lastFull = batch.length >= cfg.federationBatchSize;
        if (batch.length > 0) {
          send(peer, batch);
          continue;
        }
        const due = inFlight.size > 0 ? null : await nextDueAt(ctx.db, peerId);
        await sleep(
          due ? Math.max(10, Math.min(cfg.federationPollMs, due.getTime() - now.getTime())) : cfg.federationPollMs,
        );
      } catch (err) {
        ctx.logger.error({ err, peer: peerId }, 'federation peer loop error');
        await sleep(1000);
      }
    }
    await Promise.allSettled([...inFlight]);
  })();

  return {
    wake,
    async stop() {
      stopped = true;
      abort.abort();
      wake();
      await run;
    },
  };
}
