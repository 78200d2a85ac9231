// Paging (issue 19): a user's own channels and quiet hours, a test page, the one-time
// acknowledgement link of a page, and the administrator's view of the page outbox and of the node's paging settings.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZAckLinkSchema,
  ZPageListQuerySchema,
  ZPagingNodeSettingsUpdateSchema,
  ZPagingSettingsUpdateSchema,
} from '../../../domain/paging/index.js';
import type { ServiceContext } from '../../../services/context.js';
import { listPageOutbox } from '../../../services/paging/list-pages.js';
import { getNodePaging, updateNodePaging } from '../../../services/paging/node-paging-settings.js';
import { getMyPaging, openAckLink, sendTestPage, updateMyPaging } from '../../../services/paging/paging-settings.js';
import { actorOf } from '../../plugins/auth.js';
import { ZOkSchema, answers } from '../common.schema.js';
import { ZMyPagingSchema, ZNodePagingSchema, ZPageAckTargetSchema, ZPageOutboxSchema } from './paging.response.js';

export function pagingRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['paging'];
    app.get(
      '/me/paging',
      {
        config: { permission: 'self' },
        schema: { tags, summary: 'My paging channels and quiet hours', response: answers(ZMyPagingSchema) },
      },
      async (request) => getMyPaging(ctx, actorOf(request)),
    );

    app.put(
      '/me/paging',
      {
        config: { permission: 'self' },
        schema: {
          tags,
          summary: 'Change my paging channels and quiet hours (a new webhook secret is shown once)',
          body: ZPagingSettingsUpdateSchema,
          response: answers(ZMyPagingSchema),
        },
      },
      async (request) => updateMyPaging(ctx, actorOf(request), request.body),
    );

    app.post(
      '/me/paging/test',
      {
        config: { permission: 'self' },
        schema: { tags, summary: 'Send myself a test page on every channel I turned on', response: answers(ZOkSchema) },
      },
      async (request) => sendTestPage(ctx, actorOf(request)),
    );

    app.post(
      '/paging/ack-link',
      {
        config: { permission: 'self' },
        schema: {
          tags,
          summary: "Open a page's one-time acknowledgement link: where the record is",
          body: ZAckLinkSchema,
          response: answers(ZPageAckTargetSchema),
        },
      },
      async (request) => openAckLink(ctx, actorOf(request), request.body.token),
    );

    app.get(
      '/paging/pages',
      {
        config: { permission: 'federation:manage' },
        schema: {
          tags,
          summary: 'The page outbox: pending, sent and undeliverable pages, with counts',
          querystring: ZPageListQuerySchema,
          response: answers(ZPageOutboxSchema),
        },
      },
      async (request) => listPageOutbox(ctx, request.query),
    );

    app.get(
      '/paging/settings',
      {
        config: { permission: 'federation:manage' },
        schema: {
          tags,
          summary:
            "The node's paging settings in force (SMTP relay without its password, page content, webhook hosts, deadline warning)",
          response: answers(ZNodePagingSchema),
        },
      },
      async () => getNodePaging(ctx),
    );

    app.put(
      '/paging/settings',
      {
        config: { permission: 'federation:manage' },
        schema: {
          tags,
          summary:
            "Change the node's paging settings (stored in the database, over the configuration; null: back to the configuration)",
          body: ZPagingNodeSettingsUpdateSchema,
          response: answers(ZNodePagingSchema),
        },
      },
      async (request) => updateNodePaging(ctx, actorOf(request), request.body),
    );
  };
}
