// A listener of its own for Prometheus (`metricsHost`:`metricsPort`, loopback by default): it serves
// /metrics and nothing else, so a scraper on a private network needs neither the node's public port
// nor a token (the token, when configured, is required here too).
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { registerErrorHandling } from './plugins/errors.js';
import { sendMetrics, type Metrics } from './plugins/metrics.js';

export type MetricsListener = { url: string; close(): Promise<void> };

export async function startMetricsListener(
  metrics: Metrics,
  config: Pick<Config, 'metricsHost' | 'metricsPort' | 'metricsToken'>,
): Promise<MetricsListener> {
  const app: FastifyInstance = Fastify({ logger: false });
  registerErrorHandling(app);
  app.get('/metrics', async (request, reply) => sendMetrics(metrics, config.metricsToken, request, reply));
  await app.listen({ host: config.metricsHost, port: config.metricsPort ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.metricsPort;
  const host = config.metricsHost.includes(':') ? `[${config.metricsHost}]` : config.metricsHost;
  return { url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`, close: () => app.close() };
}
