// Liveness and readiness for orchestrators: /health answers while the process runs,
// /ready only while the database answers.
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../../errors.js';
import type { AppDeps } from '../../app.js';

export function systemRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/health', { config: { permission: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
    app.get('/ready', { config: { permission: 'public' }, schema: { hide: true } }, async () => {
      if (deps.isReady && !deps.isReady()) throw new AppError('SERVICE_UNAVAILABLE');
      try {
        await deps.ctx.db.query('SELECT 1');
      } catch (cause) {
        throw new AppError('SERVICE_UNAVAILABLE', { cause, details: { database: 'unreachable' } });
      }
      return { status: 'ready', database: deps.ctx.db.store, node: deps.ctx.config.nodeId };
    });
  };
}
