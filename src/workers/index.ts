// Background workers of a node. Each is restart-safe: its state lives in the database.
import { Counter, Gauge } from 'prom-client';
import { startDeliveryWorker, type DeliveryWorker } from '../federation/delivery-worker.js';
import { federationMetrics } from '../federation/federation-metrics.js';
import type { Metrics } from '../http/plugins/metrics.js';
import type { ServiceContext } from '../services/context.js';
import { CLOCK_SOURCES } from './clock-sources.js';
import { startDeadlineWorker, type DeadlineWorker } from './deadline-worker.js';
import { startExerciseWorker, type ExerciseWorker } from './exercise-worker.js';
import { startHousekeepingWorker, type HousekeepingWorker } from './housekeeping-worker.js';
import { startPagingWorker, type PagingWorker } from './paging-worker.js';
import { countPages } from '../services/paging/list-pages.js';
import { startSsoSessionWorker, type SsoSessionWorker } from './sso-session-worker.js';

export type Workers = {
  deadlines: DeadlineWorker;
  delivery: DeliveryWorker;
  exercises: ExerciseWorker;
  housekeeping: HousekeepingWorker;
  paging: PagingWorker;
  ssoSessions: SsoSessionWorker;
  stop(): Promise<void>;
};

export function startWorkers(ctx: ServiceContext, metrics: Metrics): Workers {
  const fired = new Counter({
    name: 'crossline_clock_events_total',
    help: 'Deadline events fired (overdue, escalation, reminders)',
    labelNames: ['subject', 'event'],
    registers: [metrics.registry],
  });
  const deadlines = startDeadlineWorker(ctx, CLOCK_SOURCES, (r) => {
    for (const f of r.fired) fired.inc({ subject: f.subjectType, event: /^[a-z_]+/.exec(f.event)?.[0] ?? 'other' });
  });
  const delivery = startDeliveryWorker(ctx, federationMetrics(metrics.registry, ctx.db));
  const exercises = startExerciseWorker(ctx);
  const housekeeping = startHousekeepingWorker(ctx);
  const pages = new Counter({
    name: 'crossline_pages_total',
    help: 'Page delivery attempts by channel and result (sent, retried, failed: undeliverable, escalated)',
    labelNames: ['channel', 'result'],
    registers: [metrics.registry],
  });
  new Gauge({
    name: 'crossline_pages',
    help: 'Pages in the page outbox by state (pending, sent, failed)',
    labelNames: ['state'],
    registers: [metrics.registry],
    async collect() {
      const counts = await countPages(ctx).catch(() => null);
      if (counts) for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
    },
  });
  const paging = startPagingWorker(ctx, (r) => {
    for (const o of r.outcomes) pages.inc({ channel: o.channel, result: o.result });
  });
  const ssoSessions = startSsoSessionWorker(ctx);
  return {
    deadlines,
    delivery,
    exercises,
    housekeeping,
    paging,
    ssoSessions,
    async stop() {
      await ssoSessions.stop();
      await paging.stop();
      await housekeeping.stop();
      await exercises.stop();
      await delivery.stop();
      await deadlines.stop();
    },
  };
}
