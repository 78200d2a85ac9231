// The paging worker: delivers the page outbox (services/paging/deliver-pages.ts) every second and
// at once when a local transaction wrote pages. State lives in the database, so a restart or a
// second process loses and doubles nothing.
import { onPaging } from '../services/paging/paging-signal.js';
import { deliverDuePages, type PageSweep } from '../services/paging/deliver-pages.js';
import type { ServiceContext } from '../services/context.js';
import { startPeriodicSweep, type PeriodicSweep } from '../shared/periodic-sweep.js';

export type PagingWorker = PeriodicSweep<PageSweep>;

const TICK_MS = 1000;

export function startPagingWorker(ctx: ServiceContext, onSwept?: (r: PageSweep) => void): PagingWorker {
  const sweep = startPeriodicSweep({
    name: 'paging',
    everyMs: TICK_MS,
    logger: ctx.logger,
    onError: () => ({ outcomes: [] }),
    sweep: async () => {
      const result = await deliverDuePages(ctx);
      onSwept?.(result);
      return result;
    },
  });
  const unsubscribe = onPaging(() => {
    void sweep.sweepNow();
  });
  return {
    sweepNow: sweep.sweepNow,
    async stop() {
      unsubscribe();
      await sweep.stop();
    },
  };
}
