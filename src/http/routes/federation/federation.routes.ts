// Federation administration: this node's card and keys, peers (add after fingerprint confirmation,
// suspend, resume, remove, refresh card), per-peer health, connectivity checks, undelivered messages,
// and dead letters (inbound messages refused for their content: list, view, export, discard).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../../services/context.js';
import { addPeer, previewPeerCard } from '../../../services/federation/add-peer.js';
import { listPingSummary } from '../../../services/federation/list-pings.js';
import { removePeer, setPeerStatus } from '../../../services/federation/manage-peer.js';
import { ownNodeCard, presentOwnCard } from '../../../services/federation/node-card.js';
import { listPeerStatuses, peerStatus } from '../../../services/federation/peer-status.js';
import { pingPeer } from '../../../services/federation/ping-peer.js';
import { refreshPeerCard } from '../../../services/federation/refresh-peer-card.js';
import { rotateNodeKeys } from '../../../services/federation/rotate-node-keys.js';
import { listOutboxMessages } from '../../../services/federation/list-outbox.js';
import { discardDeadLetter } from '../../../services/federation/discard-dead-letter.js';
import { exportDeadLetter } from '../../../services/federation/export-dead-letter.js';
import { getDeadLetter, listDeadLetters } from '../../../services/federation/list-dead-letters.js';
import { actorOf } from '../../plugins/auth.js';
import { sendDownload } from '../file-download.js';
import { answers, ERROR_SHAPES, itemsOf } from '../common.schema.js';
import { listenUrl } from '../../listen-url.js';
import {
  ZAddPeerSchema,
  ZDeadLetterParamsSchema,
  ZDeadLetterQuerySchema,
  ZOutboxQuerySchema,
  ZPeerIdParamsSchema,
  ZPingSchema,
  ZPingsQuerySchema,
  ZPreviewPeerSchema,
} from './federation.schema.js';
import {
  ZDeadLetterDetailSchema,
  ZDeadLetterSchema,
  ZKeyRotationSchema,
  ZOutboxMessageSchema,
  ZOwnNodeCardSchema,
  ZPeerCardPreviewSchema,
  ZPeerCardRefreshSchema,
  ZPeerHealthSchema,
  ZPeerRemovedSchema,
  ZPeerSchema,
  ZPeerStatusSchema,
  ZPingResultSchema,
  ZPingSummarySchema,
} from './federation.response.js';

export function federationRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['federation'];
    const read = { permission: 'node:read' as const };
    const manage = { permission: 'federation:manage' as const };

    app.get(
      '/federation/node',
      {
        config: read,
        schema: { tags, summary: "This node's card and key fingerprint", response: answers(ZOwnNodeCardSchema) },
      },
      async () => presentOwnCard(ownNodeCard(ctx, listenUrl(app.server, ctx.config.tlsCertFile !== undefined))),
    );

    app.post(
      '/federation/keys/rotate',
      {
        config: manage,
        schema: {
          tags,
          summary: "Rotate this node's keys (peers follow by endorsement)",
          response: answers(ZKeyRotationSchema),
        },
      },
      async (request) => rotateNodeKeys(ctx, actorOf(request)),
    );

    app.get(
      '/federation/peers',
      {
        config: read,
        schema: { tags, summary: 'Peers with their health', response: answers(itemsOf(ZPeerStatusSchema)) },
      },
      async () => ({ items: await listPeerStatuses(ctx) }),
    );

    app.post(
      '/federation/peers/preview',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Verify a card and show its fingerprint before adding it',
          body: ZPreviewPeerSchema,
          response: answers(ZPeerCardPreviewSchema),
        },
      },
      async (request) => previewPeerCard(ctx, request.body),
    );

    app.post(
      '/federation/peers',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Add a peer from its card, with the fingerprint confirmed out of band',
          body: ZAddPeerSchema,
          response: answers(ZPeerSchema, 201),
        },
      },
      async (request, reply) => reply.status(201).send(await addPeer(ctx, actorOf(request), request.body)),
    );

    app.get(
      '/federation/peers/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'One peer and its health',
          params: ZPeerIdParamsSchema,
          response: answers(ZPeerStatusSchema),
        },
      },
      async (request) => peerStatus(ctx, request.params.id),
    );

    app.get(
      '/federation/peers/:id/status',
      {
        config: read,
        schema: {
          tags,
          summary: 'Health of one peer: contact, queue, latency, failures, gaps',
          params: ZPeerIdParamsSchema,
          response: answers(ZPeerHealthSchema),
        },
      },
      async (request) => (await peerStatus(ctx, request.params.id)).health,
    );

    for (const [action, status] of [
      ['suspend', 'suspended'],
      ['resume', 'active'],
    ] as const) {
      app.post(
        `/federation/peers/:id/${action}`,
        {
          config: manage,
          schema: {
            tags,
            summary: `${action === 'suspend' ? 'Suspend' : 'Resume'} a peer`,
            params: ZPeerIdParamsSchema,
            response: answers(ZPeerSchema),
          },
        },
        async (request) => setPeerStatus(ctx, actorOf(request), request.params.id, status),
      );
    }

    app.delete(
      '/federation/peers/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Remove a peer (its message history is kept)',
          params: ZPeerIdParamsSchema,
          response: answers(ZPeerRemovedSchema),
        },
      },
      async (request) => {
        await removePeer(ctx, actorOf(request), request.params.id);
        return { removed: request.params.id };
      },
    );

    app.post(
      '/federation/peers/:id/refresh-card',
      {
        config: manage,
        schema: {
          tags,
          summary: "Re-read the peer's card; accepted only as an endorsed update",
          params: ZPeerIdParamsSchema,
          response: answers(ZPeerCardRefreshSchema),
        },
      },
      async (request) => refreshPeerCard(ctx, request.params.id, { actor: actorOf(request) }),
    );

    app.post(
      '/federation/peers/:id/ping',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Send N connectivity-check messages to a peer',
          params: ZPeerIdParamsSchema,
          body: ZPingSchema,
          response: answers(ZPingResultSchema, 201),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await pingPeer(ctx, actorOf(request), request.params.id, request.body.count)),
    );

    app.get(
      '/federation/pings',
      {
        config: read,
        schema: {
          tags,
          summary: 'Pings received from a peer, per channel (count, order)',
          querystring: ZPingsQuerySchema,
          response: answers(ZPingSummarySchema),
        },
      },
      async (request) => ({ from: request.query.from, channels: await listPingSummary(ctx, request.query.from) }),
    );

    app.get(
      '/federation/outbox',
      {
        config: read,
        schema: {
          tags,
          summary: 'Outbound messages, e.g. state=rejected for the ones peers refused',
          querystring: ZOutboxQuerySchema,
          response: answers(itemsOf(ZOutboxMessageSchema)),
        },
      },
      async (request) => ({ items: await listOutboxMessages(ctx, request.query) }),
    );

    // Dead letters hold peers' raw messages (possibly case data or evidence): administrators only.
    app.get(
      '/federation/dead-letters',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Inbound messages refused for their content (dead letters), newest first',
          querystring: ZDeadLetterQuerySchema,
          response: answers(itemsOf(ZDeadLetterSchema)),
        },
      },
      async (request) => ({ items: await listDeadLetters(ctx, request.query) }),
    );

    app.get(
      '/federation/dead-letters/:mid',
      {
        config: manage,
        schema: {
          tags,
          summary: 'One dead letter: sender, channel, seq, code and its meaning, details, the signed header',
          params: ZDeadLetterParamsSchema,
          response: answers(ZDeadLetterDetailSchema),
        },
      },
      async (request) => getDeadLetter(ctx, request.params.mid),
    );

    app.get(
      '/federation/dead-letters/:mid/export',
      {
        config: manage,
        schema: {
          tags,
          summary: "Download the dead letter's signed message exactly as received (compact JWS, audited)",
          params: ZDeadLetterParamsSchema,
          response: ERROR_SHAPES,
        },
      },
      async (request, reply) => {
        const { fileName, message } = await exportDeadLetter(ctx, actorOf(request), request.params.mid);
        return sendDownload(reply, { mediaType: 'application/jose', fileName, bytes: message });
      },
    );

    app.post(
      '/federation/dead-letters/:mid/discard',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Mark a dead letter as dealt with (kept, no longer listed as open)',
          params: ZDeadLetterParamsSchema,
          response: answers(ZDeadLetterSchema),
        },
      },
      async (request) => discardDeadLetter(ctx, actorOf(request), request.params.mid),
    );
  };
}
