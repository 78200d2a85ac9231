// Fires due exercise injects. Like the deadline worker it keeps no timers to lose: each sweep asks
// the store for unfired injects whose planned instant has passed, so a node restarted mid-exercise
// fires what came due while it was down, and never fires one twice (the row is stamped in the
// transaction that creates the call or request). It sweeps every second: a time-scaled exercise
// (60× makes one exercise minute a real second) needs that resolution.
import type { ServiceContext } from '../services/context.js';
import { dueInjectIds, fireInject, type FireOutcome } from '../services/exercise/fire-inject.js';
import { startPeriodicSweep, type PeriodicSweep } from '../shared/periodic-sweep.js';

export const EXERCISE_SWEEP_MS = 1000;
const BATCH = 100;

export type ExerciseSweep = { fired: number; failed: number };
export type ExerciseWorker = PeriodicSweep<ExerciseSweep>;

export async function sweepExerciseInjects(ctx: ServiceContext): Promise<ExerciseSweep> {
  const now = ctx.clock();
  const result: ExerciseSweep = { fired: 0, failed: 0 };
  for (const id of await dueInjectIds(ctx, now, BATCH)) {
    let outcome: FireOutcome = 'skipped';
    try {
      outcome = await fireInject(ctx, id, now);
    } catch (err) {
      // Unexpected (e.g. storage) errors leave the row unfired: it is retried at the next sweep.
      ctx.logger.error({ err, deliveryId: id }, 'exercise inject failed');
    }
    if (outcome === 'fired') result.fired++;
    if (outcome === 'failed') result.failed++;
  }
  return result;
}

export function startExerciseWorker(ctx: ServiceContext): ExerciseWorker {
  return startPeriodicSweep({
    name: 'exercise',
    everyMs: EXERCISE_SWEEP_MS,
    logger: ctx.logger,
    sweep: () => sweepExerciseInjects(ctx),
    onError: () => ({ fired: 0, failed: 0 }),
  });
}
