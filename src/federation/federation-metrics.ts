// Prometheus series of the federation transport, one set per registry (shared by the inbox route and
// the delivery worker of a node). Queue gauges are read from the database at scrape time.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Queryable } from '../storage/db.js';
import { peerQueueGauges } from '../storage/repositories/federation-status.repository.js';

export type FederationMetrics = {
  rejected: Counter<'code'>;
  received: Counter<'status'>;
  sent: Counter<'peer' | 'result'>;
  outboundRejected: Counter<'peer' | 'code'>;
  deliveryFailures: Counter<'peer' | 'code'>;
  deliverySeconds: Histogram<'peer'>;
  batchesReceived: Counter<'status'>;
  /** Inbox refusals before any sender was authenticated (batches, messages, and requests answered 429). */
  inboxRefused: Counter<'reason'>;
};

const byRegistry = new WeakMap<Registry, FederationMetrics>();

export function federationMetrics(registry: Registry, db?: Queryable): FederationMetrics {
  const existing = byRegistry.get(registry);
  if (existing) return existing;
  const registers = [registry];
  const m: FederationMetrics = {
    rejected: new Counter({
      name: 'crossline_federation_rejected_total',
      help: 'Inbound federation messages or batches refused, by error code',
      labelNames: ['code'],
      registers,
    }),
    received: new Counter({
      name: 'crossline_federation_received_total',
      help: 'Inbound federation messages by receipt status',
      labelNames: ['status'],
      registers,
    }),
    batchesReceived: new Counter({
      name: 'crossline_federation_batches_received_total',
      help: 'Inbound batches by outcome (receipted|refused)',
      labelNames: ['status'],
      registers,
    }),
    inboxRefused: new Counter({
      name: 'crossline_federation_inbox_refused_total',
      labelNames: ['reason'],
      registers,
      help: 'Inbox refusals before any sender was authenticated (not audited one by one), by reason; FED_RATE_LIMITED counts requests refused unread',
    }),
    sent: new Counter({
      name: 'crossline_federation_sent_total',
      help: 'Outbound messages receipted by the peer',
      labelNames: ['peer', 'result'],
      registers,
    }),
    outboundRejected: new Counter({
      name: 'crossline_federation_outbound_rejected_total',
      help: 'Outbound messages the peer refused permanently',
      labelNames: ['peer', 'code'],
      registers,
    }),
    deliveryFailures: new Counter({
      name: 'crossline_federation_delivery_failures_total',
      help: 'Failed delivery attempts (retried later)',
      labelNames: ['peer', 'code'],
      registers,
    }),
    deliverySeconds: new Histogram({
      name: 'crossline_federation_delivery_seconds',
      help: 'Enqueue to verified receipt, per message',
      labelNames: ['peer'],
      registers,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 300],
    }),
  };
  if (db) registerQueueGauges(registry, db);
  byRegistry.set(registry, m);
  return m;
}

/** Depth, age of the oldest undelivered message and time since last contact, read once per scrape. */
function registerQueueGauges(registry: Registry, db: Queryable): void {
  let pending: Promise<Awaited<ReturnType<typeof peerQueueGauges>>> | null = null;
  const read = () => {
    pending ??= peerQueueGauges(db)
      .catch(() => [])
      .finally(() =>
        setTimeout(() => {
          pending = null;
        }, 100),
      );
    return pending;
  };
  const gauge = (
    name: string,
    help: string,
    value: (g: Awaited<ReturnType<typeof peerQueueGauges>>[number], now: number) => number | null,
  ) =>
    new Gauge({
      name,
      help,
      labelNames: ['peer'],
      registers: [registry],
      async collect() {
        this.reset();
        const now = Date.now();
        for (const g of await read()) {
          const v = value(g, now);
          if (v !== null) this.set({ peer: g.peerId }, v);
        }
      },
    });
  gauge('crossline_federation_queue_depth', 'Undelivered outbound messages per peer', (g) => g.queueDepth);
  gauge(
    'crossline_federation_oldest_undelivered_seconds',
    'Age of the oldest undelivered message per peer',
    (g, now) => (g.oldestPendingAt ? (now - g.oldestPendingAt.getTime()) / 1000 : 0),
  );
  gauge(
    'crossline_federation_last_contact_seconds',
    'Seconds since the last successful exchange with each peer',
    (g, now) => (g.lastContactAt ? (now - g.lastContactAt.getTime()) / 1000 : null),
  );
  gauge(
    'crossline_federation_rejected_messages',
    'Outbound messages refused permanently by each peer (stored)',
    (g) => g.rejected,
  );
}
