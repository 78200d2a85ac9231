// Runs due TAXII feeds in the background. State (next run, watermark, claim) lives in taxii_feeds,
// so a restarted node simply continues; a failing feed records its error and the worker goes on.
import type { ServiceContext } from '../services/context.js';
import { runDueFeeds, type FeedRun } from '../services/intel/taxii-run-feed.js';

export type TaxiiFeedWorker = { sweepNow(): Promise<FeedRun[]>; stop(): Promise<void> };

const SWEEP_MS = 30_000;

export function startTaxiiFeedWorker(ctx: ServiceContext, sweepMs = SWEEP_MS): TaxiiFeedWorker {
  let running: Promise<FeedRun[]> | null = null;
  let stopped = false;
  const sweep = (): Promise<FeedRun[]> => {
    running ??= runDueFeeds(ctx)
      .catch((err: unknown) => { ctx.logger.error({ err }, 'taxii feed sweep failed'); return []; })
      .finally(() => { running = null; });
    return running;
  };
  const timer = setInterval(() => { if (!stopped) void sweep(); }, sweepMs);
  timer.unref();
  void sweep();
  return {
    sweepNow: async () => { await running; return sweep(); },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
