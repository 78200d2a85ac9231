// Background workers of a node. Each is restart-safe: its state lives in the database.
import type { Metrics } from '../http/plugins/metrics.js';
import type { ServiceContext } from '../services/context.js';

export type Workers = { stop(): Promise<void> };

export function startWorkers(_ctx: ServiceContext, _metrics: Metrics): Workers {
  return { async stop() {} };
}
