// Fires stored deadlines (overdue, escalation, reminders). There are no in-memory timers to lose:
// each sweep asks every area which records are due *now* and fires what has not fired yet,
// so a node that was down when a deadline passed fires it at its first sweep after restart.
import type { ServiceContext } from '../services/context.js';
import type { ClockSource } from '../services/shared/clock-source.js';

export type { ClockSource };
import { startPeriodicSweep, type PeriodicSweep } from '../shared/periodic-sweep.js';

export type SweepResult = { fired: { subjectType: string; id: string; event: string }[] };

const BATCH = 200;

export async function sweepDeadlines(ctx: ServiceContext, sources: readonly ClockSource[]): Promise<SweepResult> {
  const now = ctx.clock();
  const fired: SweepResult['fired'] = [];
  for (const source of sources) {
    const ids = await source.due(ctx, now, BATCH);
    for (const id of ids) {
      try {
        for (const event of await source.fire(ctx, id, now)) fired.push({ subjectType: source.subjectType, id, event });
      } catch (err) {
        // One bad record must not stop the others; it is retried at the next sweep.
        ctx.logger.error({ err, subjectType: source.subjectType, id }, 'deadline fire failed');
      }
    }
  }
  return { fired };
}

export type DeadlineWorker = PeriodicSweep<SweepResult>;

export function startDeadlineWorker(
  ctx: ServiceContext,
  sources: readonly ClockSource[],
  onFired?: (r: SweepResult) => void,
): DeadlineWorker {
  return startPeriodicSweep({
    name: 'deadline',
    everyMs: ctx.config.deadlineSweepSeconds * 1000,
    logger: ctx.logger,
    onError: () => ({ fired: [] }),
    sweep: async () => {
      const result = await sweepDeadlines(ctx, sources);
      onFired?.(result);
      return result;
    },
  });
}
