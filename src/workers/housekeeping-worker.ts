// Runs the housekeeping sweep (src/services/housekeeping/sweep-housekeeping.ts) every ten minutes.
import type { ServiceContext } from '../services/context.js';
import { sweepHousekeeping, type Housekeeping } from '../services/housekeeping/sweep-housekeeping.js';
import { startPeriodicSweep, type PeriodicSweep } from '../shared/periodic-sweep.js';

export { sweepHousekeeping, type Housekeeping };
export type HousekeepingWorker = PeriodicSweep<Housekeeping>;

const SWEEP_MS = 10 * 60_000;

export function startHousekeepingWorker(ctx: ServiceContext): HousekeepingWorker {
  return startPeriodicSweep({
    name: 'housekeeping',
    everyMs: SWEEP_MS,
    logger: ctx.logger,
    sweep: () => sweepHousekeeping(ctx),
    onError: () => ({ sessions: 0, buckets: 0, uploads: 0, tempFiles: 0 }),
  });
}
