// The signed-in user's notifications: escalations, overdue deadlines, reminders.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../../services/context.js';
import { listMyNotifications, markRead } from '../../../services/notification/read-notifications.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, itemsOf, ZIdParamsSchema, ZOkSchema } from '../common.schema.js';
import { ZNotificationSchema } from './notifications.response.js';

export function notificationsRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['notifications'];
    app.get(
      '/notifications',
      {
        config: { permission: 'self' },
        schema: {
          tags,
          summary: 'My notifications, newest first',
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(200).default(50),
            unread: z.enum(['true', 'false']).default('false'),
          }),
          response: answers(itemsOf(ZNotificationSchema)),
        },
      },
      async (request) => ({
        items: await listMyNotifications(ctx, actorOf(request), {
          limit: request.query.limit,
          unreadOnly: request.query.unread === 'true',
        }),
      }),
    );

    app.post(
      '/notifications/:id/read',
      {
        config: { permission: 'self' },
        schema: { tags, summary: 'Mark a notification read', params: ZIdParamsSchema, response: answers(ZOkSchema) },
      },
      async (request) => {
        await markRead(ctx, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
}
