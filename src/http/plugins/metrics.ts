// Prometheus metrics: HTTP traffic plus gauges areas register (overdue items, ...). /metrics names the
// peers and how much flows to each, so it is not public: on the node's port it answers a scrape
// token only (`metricsToken`), and without one it is not there at all; a separate listener
// (src/http/metrics-listener.ts) can serve it on a private address instead.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { AppError } from '../../errors.js';

export type Metrics = { registry: Registry };

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'crossline_' });
  return { registry };
}

export function registerMetrics(app: FastifyInstance, metrics: Metrics, token: string | undefined): void {
  const requests = new Counter({
    name: 'crossline_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [metrics.registry],
  });
  const duration = new Histogram({
    name: 'crossline_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [metrics.registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the raw URL, keeps label cardinality bounded.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    // No token configured: the node's port does not serve metrics (the same answer as any unknown path).
    if (token === undefined)
      throw new AppError('ROUTE_NOT_FOUND', { details: { method: request.method, url: '/metrics' } });
    return sendMetrics(metrics, token, request, reply);
  });
}

/** The scrape itself; with a token, only for `Authorization: Bearer <token>`. */
export async function sendMetrics(
  metrics: Metrics,
  token: string | undefined,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<string> {
  if (token !== undefined && !bearerMatches(request.headers.authorization, token)) {
    void reply.header('www-authenticate', 'Bearer realm="metrics"');
    throw new AppError('UNAUTHENTICATED', { details: { realm: 'metrics' } });
  }
  void reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store');
  return metrics.registry.metrics();
}

/** Compares digests of equal length in constant time, so response times do not reveal the token. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(match[1]!), digest(token));
}
