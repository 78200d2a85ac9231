// Runs due TAXII feeds in the background. State (next run, watermark, claim) lives in taxii_feeds,
// so a restarted node simply continues; a failing feed records its error and the worker goes on.
import type { ServiceContext } from '../services/context.js';
import { runDueFeeds, type FeedRun } from '../services/intel/taxii-run-feed.js';
import { startPeriodicSweep, type PeriodicSweep } from '../shared/periodic-sweep.js';

export type TaxiiFeedWorker = PeriodicSweep<FeedRun[]>;

const SWEEP_MS = 30_000;

export function startTaxiiFeedWorker(ctx: ServiceContext, sweepMs = SWEEP_MS): TaxiiFeedWorker {
  return startPeriodicSweep({
    name: 'taxii feed',
    everyMs: sweepMs,
    logger: ctx.logger,
    sweep: () => runDueFeeds(ctx),
    onError: () => [],
  });
}
