// The node-to-node endpoints (not under /api): the public node card, and the inbox that takes one
// encrypted batch and answers with a signed receipt. Callers are authenticated by the signatures
// inside the batch, not by a session, hence permission 'public'.
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../../errors.js';
import { isFederationError } from '../../../federation/crypto/index.js';
import { INBOX_PATH } from '../../../federation/deliver-batch.js';
import { federationMetrics } from '../../../federation/federation-metrics.js';
import { registerTransportHandlers, registerWorkflowHandlers } from '../../../federation/handlers/index.js';
import { receiveBatch } from '../../../federation/inbox.js';
import { CARD_PATH } from '../../../federation/card-fetch.js';
import type { ServiceContext } from '../../../services/context.js';
import { ownNodeCard } from '../../../services/federation/node-card.js';
import type { Metrics } from '../../plugins/metrics.js';

export const JOSE_CONTENT_TYPE = 'application/jose';

export function federationWireRoutes(ctx: ServiceContext, metrics: Metrics): FastifyPluginAsync {
  return async (app) => {
    registerTransportHandlers();
    registerWorkflowHandlers();
    const fed = federationMetrics(metrics.registry, ctx.db);
    const bodyLimit = ctx.config.federationMaxBatchBytes;
    app.addContentTypeParser(JOSE_CONTENT_TYPE, { parseAs: 'string', bodyLimit }, (_request, body, done) => done(null, body));

    app.get(CARD_PATH, { config: { permission: 'public' }, schema: { hide: true } }, async () => {
      const address = app.server.address();
      const listen = typeof address === 'object' && address ? `http://${address.address === '0.0.0.0' ? '127.0.0.1' : address.address}:${address.port}` : undefined;
      return ownNodeCard(ctx, listen);
    });

    app.post(INBOX_PATH, { config: { permission: 'public' }, bodyLimit, schema: { hide: true } }, async (request, reply) => {
      if (!request.headers['content-type']?.startsWith(JOSE_CONTENT_TYPE) || typeof request.body !== 'string') {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { expected: JOSE_CONTENT_TYPE } });
      }
      try {
        const receipt = await receiveBatch(ctx, request.body.trim(), fed);
        return reply.header('content-type', JOSE_CONTENT_TYPE).send(receipt);
      } catch (e) {
        if (isFederationError(e)) throw new AppError(e.code, { details: e.details });
        if (e instanceof AppError) throw e;
        // Storage trouble or a handler bug: nothing was committed; the sender retries later.
        request.log.error({ err: e }, 'inbox could not process a batch');
        throw new AppError('FED_UNAVAILABLE');
      }
    });
  };
}
