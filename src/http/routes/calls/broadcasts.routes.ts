// Hotline broadcasts (docs/federation.md §19): one emergency alert placed as one call per recipient,
// and the sender's view of who has received and acknowledged it and each call's escalation state.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZPlaceBroadcastSchema } from '../../../domain/sharing-group/index.js';
import type { ServiceContext } from '../../../services/context.js';
import { getBroadcast, listBroadcastViews } from '../../../services/call/broadcast-view.js';
import { placeBroadcast } from '../../../services/call/place-broadcast.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, itemsOf, ZBilingualSchema, ZIdParamsSchema } from '../common.schema.js';

const ZPlacedBroadcastSchema = z
  .object({
    id: z.string(),
    placedAt: z.string(),
    calls: z.array(z.object({ party: z.string(), callId: z.string(), reference: z.string() })),
  })
  .meta({ id: 'PlacedBroadcast' });

const ZBroadcastSchema = z
  .object({
    id: z.string(),
    placedAt: z.string(),
    placedBy: z.string(),
    groupIds: z.array(z.string()),
    allPeers: z.boolean(),
    topic: z.string().nullable(),
    urgency: z.string().nullable(),
    message: z.string().nullable(),
    counts: z.object({ recipients: z.number(), acknowledged: z.number(), delivered: z.number(), pending: z.number() }),
    recipients: z.array(
      z.object({
        party: z.string(),
        partyName: ZBilingualSchema.nullable(),
        callId: z.string(),
        reference: z.string(),
        status: z.string(),
        state: z.enum(['pending', 'delivered', 'acknowledged', 'cancelled']),
        deliveredAt: z.string().nullable(),
        acknowledgedAt: z.string().nullable(),
        acknowledgedBy: z.string().nullable(),
        ackDueAt: z.string(),
        isOverdue: z.boolean(),
        escalationLevel: z.number(),
        escalationRole: z.string(),
      }),
    ),
  })
  .meta({ id: 'HotlineBroadcast' });

export function broadcastsRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['calls'];
    app.post(
      '/calls/broadcasts',
      {
        config: { permission: 'call:place' },
        schema: {
          tags,
          summary:
            'Broadcast one alert to sharing groups, parties or every active peer: one call per recipient (audited)',
          body: ZPlaceBroadcastSchema,
          response: answers(ZPlacedBroadcastSchema, 201),
        },
      },
      async (request, reply) => reply.status(201).send(await placeBroadcast(ctx, actorOf(request), request.body)),
    );

    app.get(
      '/calls/broadcasts',
      {
        config: { permission: 'call:read' },
        schema: {
          tags,
          summary: 'The latest 50 broadcasts this node placed, with acknowledgement counts',
          response: answers(itemsOf(ZBroadcastSchema)),
        },
      },
      async (request) => ({ items: await listBroadcastViews(ctx, actorOf(request)) }),
    );

    app.get(
      '/calls/broadcasts/:id',
      {
        config: { permission: 'call:read' },
        schema: {
          tags,
          summary:
            'One broadcast: per recipient delivered / acknowledged (by whom, when) / not yet, and escalation state',
          params: ZIdParamsSchema,
          response: answers(ZBroadcastSchema),
        },
      },
      async (request) => getBroadcast(ctx, actorOf(request), request.params.id),
    );
  };
}
