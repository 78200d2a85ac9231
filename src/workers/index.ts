// Background workers of a node. Each is restart-safe: its state lives in the database.
import { Counter } from 'prom-client';
import { startDeliveryWorker, type DeliveryWorker } from '../federation/delivery-worker.js';
import { federationMetrics } from '../federation/federation-metrics.js';
import type { Metrics } from '../http/plugins/metrics.js';
import type { ServiceContext } from '../services/context.js';
import { CLOCK_SOURCES } from './clock-sources.js';
import { startDeadlineWorker, type DeadlineWorker } from './deadline-worker.js';
import { startExerciseWorker, type ExerciseWorker } from './exercise-worker.js';
import { startHousekeepingWorker, type HousekeepingWorker } from './housekeeping-worker.js';

export type Workers = {
  deadlines: DeadlineWorker; delivery: DeliveryWorker; exercises: ExerciseWorker; housekeeping: HousekeepingWorker; stop(): Promise<void>;
};

export function startWorkers(ctx: ServiceContext, metrics: Metrics): Workers {
  const fired = new Counter({
    name: 'crossline_clock_events_total', help: 'Deadline events fired (overdue, escalation, reminders)',
    labelNames: ['subject', 'event'], registers: [metrics.registry],
  });
  const deadlines = startDeadlineWorker(ctx, CLOCK_SOURCES, (r) => {
    for (const f of r.fired) fired.inc({ subject: f.subjectType, event: /^[a-z_]+/.exec(f.event)?.[0] ?? 'other' });
  });
  const delivery = startDeliveryWorker(ctx, federationMetrics(metrics.registry, ctx.db));
  const exercises = startExerciseWorker(ctx);
  const housekeeping = startHousekeepingWorker(ctx);
  return {
    deadlines,
    delivery,
    exercises,
    housekeeping,
    async stop() {
      await housekeeping.stop();
      await exercises.stop();
      await delivery.stop();
      await deadlines.stop();
    },
  };
}
