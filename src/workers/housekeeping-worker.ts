// Removes state that has stopped mattering: expired sessions and rate-limit buckets idle long enough
// to be full again. Safe with several processes: each sweep is plain deletes of rows nobody needs.
import type { ServiceContext } from '../services/context.js';
import { BUCKET_IDLE_MS } from '../services/public-report/take-rate-token.js';
import { startPeriodicSweep, type PeriodicSweep } from '../shared/periodic-sweep.js';
import { deleteIdleBuckets } from '../storage/repositories/rate-limit.repository.js';
import { deleteExpiredSessions } from '../storage/repositories/user.repository.js';

export type Housekeeping = { sessions: number; buckets: number };
export type HousekeepingWorker = PeriodicSweep<Housekeeping>;

const SWEEP_MS = 10 * 60_000;

export async function sweepHousekeeping(ctx: ServiceContext): Promise<Housekeeping> {
  const now = ctx.clock();
  const sessions = await deleteExpiredSessions(ctx.db, now);
  const buckets = await deleteIdleBuckets(ctx.db, new Date(now.getTime() - BUCKET_IDLE_MS));
  return { sessions, buckets };
}

export function startHousekeepingWorker(ctx: ServiceContext): HousekeepingWorker {
  return startPeriodicSweep({
    name: 'housekeeping', everyMs: SWEEP_MS, logger: ctx.logger, sweep: () => sweepHousekeeping(ctx), onError: () => ({ sessions: 0, buckets: 0 }),
  });
}
