// Liveness and readiness for orchestrators and load balancers: /health answers while the process
// runs (no database access: cheap); /ready says whether this process can serve — not starting or
// stopping, and its database answering within two seconds.
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../../errors.js';
import type { AppDeps } from '../../app.js';

const READY_TIMEOUT_MS = 2000;

export function systemRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/health', { config: { permission: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
    app.get('/ready', { config: { permission: 'public' }, schema: { hide: true } }, async () => {
      if (deps.isReady && !deps.isReady()) throw new AppError('SERVICE_UNAVAILABLE');
      try {
        // A database that hangs (a partitioned external server) must not hang the probe.
        await Promise.race([
          deps.ctx.db.query('SELECT 1'),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('database check timed out')), READY_TIMEOUT_MS).unref(),
          ),
        ]);
      } catch (cause) {
        throw new AppError('SERVICE_UNAVAILABLE', { cause, details: { database: 'unreachable' } });
      }
      return { status: 'ready', database: deps.ctx.db.store, node: deps.ctx.config.nodeId };
    });
  };
}
