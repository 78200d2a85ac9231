// In-flight body budgets: how many bytes of request bodies a route may be reading into memory at
// once in this process. The inbox must accept batches of up to federationMaxBatchBytes from anyone
// (the sender is authenticated by what is inside), so ten senders of 30 MB bodies would otherwise
// hold 300 MB at once before a single signature is checked. A request that does not fit is answered
// before its body is read — 503 FED_UNAVAILABLE with Retry-After, which a peer's delivery worker
// retries as it does any unavailable inbox — and one request is always let through, however large
// (up to the route's own limit), so the budget can delay a batch but never block it for good.
//
// The budget lives in process memory on purpose: it bounds this process's memory, which is what it
// protects; several processes of a node each hold their own.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type AppErrorCode } from '../../errors.js';

export type BodyBudgetRoute = {
  method: string;
  url: string;
  /** Bytes of bodies this route may be reading at once. */
  maxBytes: number;
  /** The route's own body limit: what a body without Content-Length (chunked) is counted as. */
  bodyLimit: number;
  /** The refusal when the budget is spent (a 503 the sender retries). */
  code: AppErrorCode;
  retryAfterSeconds: number;
};

export function registerBodyBudgets(app: FastifyInstance, routes: readonly BodyBudgetRoute[]): void {
  const inFlight = new Map<string, number>();
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = routes.find((r) => r.method === request.method && r.url === request.routeOptions.url);
    if (!route) return;
    const declared = Number(request.headers['content-length']);
    // Over the route's limit: Fastify refuses it (413) without reading, so it takes nothing here.
    if (Number.isFinite(declared) && declared > route.bodyLimit) return;
    const size = Number.isFinite(declared) ? declared : route.bodyLimit;
    const key = `${route.method} ${route.url}`;
    const used = inFlight.get(key) ?? 0;
    if (used > 0 && used + size > route.maxBytes) {
      void reply.header('retry-after', String(route.retryAfterSeconds));
      throw new AppError(route.code, { details: { retryAfterSeconds: route.retryAfterSeconds } });
    }
    inFlight.set(key, used + size);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight.set(key, (inFlight.get(key) ?? size) - size);
    };
    // Whichever comes first: the answer is sent, or the connection goes away mid-body.
    reply.raw.once('close', release);
    request.raw.once('close', release);
    reply.raw.once('finish', release);
  });
}
