// The node-to-node endpoints (not under /api): the public node card, and the inbox that takes one
// encrypted batch and answers with a signed receipt. Callers are authenticated by the signatures
// inside the batch, not by a session, hence permission 'public'. Before the body is read the inbox
// refuses, cheaply: a client IP whose refusal budget is spent (429 FED_RATE_LIMITED), and any media
// type but application/jose (415) — these routes parse no JSON at all. The handlers the inbox
// dispatches to are registered where the node is composed (src/node.ts).
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../../errors.js';
import { INBOX_PATH } from '../../../federation/deliver-batch.js';
import { federationMetrics } from '../../../federation/federation-metrics.js';
import { receiveBatch } from '../../../federation/inbox.js';
import { holdShutOutRequest, inboxRetryAfterMs, noteRateLimited } from '../../../federation/inbox-refusals.js';
import { CARD_PATH } from '../../../federation/card-fetch.js';
import type { ServiceContext } from '../../../services/context.js';
import { ownNodeCard } from '../../../services/federation/node-card.js';
import type { Metrics } from '../../plugins/metrics.js';
import { isJoseMediaType, JOSE_CONTENT_TYPE } from './jose-media-type.js';
import { listenUrl } from '../../listen-url.js';

export { JOSE_CONTENT_TYPE };

export function federationWireRoutes(ctx: ServiceContext, metrics: Metrics): FastifyPluginAsync {
  return async (app) => {
    const fed = federationMetrics(metrics.registry, ctx.db);
    const bodyLimit = ctx.config.federationMaxBatchBytes;
    // This plugin's own parsers (encapsulated: the rest of the app keeps its JSON parser). The media
    // type is checked before parsing, so whatever arrives here is read as the raw text it is.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit }, (_request, body, done) => done(null, body));

    app.get(CARD_PATH, { config: { permission: 'public' }, schema: { hide: true } }, async () => {
      return ownNodeCard(ctx, listenUrl(app.server, ctx.config.tlsCertFile !== undefined));
    });

    app.post(
      INBOX_PATH,
      {
        config: { permission: 'public' },
        bodyLimit,
        schema: { hide: true },
        onRequest: async (request, reply) => {
          const waitMs = inboxRetryAfterMs(ctx, request.ip);
          if (waitMs > 0) {
            noteRateLimited(ctx, fed, request.ip);
            await holdShutOutRequest(ctx);
            const retryAfterSeconds = Math.ceil(waitMs / 1000);
            // Closing the connection spares reading (and discarding) the body this client keeps sending.
            void reply.header('retry-after', String(retryAfterSeconds)).header('connection', 'close');
            throw new AppError('FED_RATE_LIMITED', { details: { retryAfterSeconds } });
          }
          if (!isJoseMediaType(request.headers['content-type'])) {
            throw new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { expected: JOSE_CONTENT_TYPE } });
          }
        },
      },
      async (request, reply) => {
        // No body at all is a malformed batch (refused, and counted, by receiveBatch like any other).
        const body = typeof request.body === 'string' ? request.body.trim() : '';
        try {
          const receipt = await receiveBatch(ctx, body, fed, { ip: request.ip });
          return reply.header('content-type', JOSE_CONTENT_TYPE).send(receipt);
        } catch (e) {
          if (e instanceof AppError) throw e;
          // Storage trouble or a handler bug: nothing was committed; the sender retries later.
          request.log.error({ err: e }, 'inbox could not process a batch');
          throw new AppError('FED_UNAVAILABLE');
        }
      },
    );
  };
}
