// Prometheus series of public reporting, read from the database when scraped so every API process
// reports the same node-wide figures: honeypot submissions discarded, and reports by status.
import { Gauge } from 'prom-client';
import type { ServiceContext } from '../../../services/context.js';
import type { Metrics } from '../../plugins/metrics.js';
import { discardedSpamCount, reportCountsByStatus } from '../../../services/public-report/report-figures.js';

const registered = new WeakSet<object>();

export function registerPublicReportMetrics(metrics: Metrics, ctx: ServiceContext): void {
  // One set per registry: tests and the demo build several apps in one process.
  if (registered.has(metrics.registry)) return;
  registered.add(metrics.registry);
  new Gauge({
    name: 'crossline_public_reports_spam_discarded',
    help: 'Public report submissions discarded by the honeypot (node total)',
    registers: [metrics.registry],
    async collect() {
      this.set(await discardedSpamCount(ctx));
    },
  });
  new Gauge({
    name: 'crossline_public_reports',
    help: 'Reports from the public by triage status',
    labelNames: ['status'],
    registers: [metrics.registry],
    async collect() {
      this.reset();
      for (const { status, count } of await reportCountsByStatus(ctx)) this.set({ status }, count);
    },
  });
}
