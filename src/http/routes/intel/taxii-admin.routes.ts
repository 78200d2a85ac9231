// Admin API of the TAXII server and client (docs/spec.md §5.2): collections and their sharing scope,
// feeds (scheduled pulls) with "pull now", and accounts bound to an external party.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../../services/context.js';
import { listTaxiiApiRoots } from '../../../services/intel/taxii-collection-access.js';
import {
  changeCollection,
  createCollection,
  listCollectionsWithCounts,
} from '../../../services/intel/taxii-collections-admin.js';
import { changeFeed, createFeed, getFeed, listFeeds, removeFeed } from '../../../services/intel/taxii-feeds-admin.js';
import {
  bindPartyAccount,
  listPartyAccounts,
  unbindPartyAccount,
} from '../../../services/intel/taxii-party-accounts.js';
import { runFeed } from '../../../services/intel/taxii-run-feed.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, itemsOf } from '../common.schema.js';
import { TAXII_API_ROOT, TAXII_MAX_CONTENT_LENGTH, TAXII_PREFIX } from '../taxii/taxii.routes.js';
import { presentAdminCollection, presentFeed } from './taxii-admin.presenter.js';
import {
  ZCollectionIdParamsSchema,
  ZCreateCollectionBodySchema,
  ZCreateFeedBodySchema,
  ZPartyAccountBodySchema,
  ZUpdateCollectionBodySchema,
  ZUpdateFeedBodySchema,
} from './taxii-admin.schema.js';
import {
  ZPartyAccountSchema,
  ZPartyBindingSchema,
  ZTaxiiCollectionSchema,
  ZTaxiiFeedDeletedSchema,
  ZTaxiiFeedSchema,
  ZTaxiiInfoSchema,
  ZTaxiiPullResultSchema,
} from './intel.response.js';

const MAX_INVALID_SHOWN = 100;

export function taxiiAdminRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['intel'];
    const withId = { tags, params: ZCollectionIdParamsSchema };

    app.get(
      '/intel/taxii',
      {
        config: { permission: 'intel:read' },
        schema: { tags, summary: 'Where this node serves TAXII 2.1', response: answers(ZTaxiiInfoSchema) },
      },
      async (request) => {
        const base = (ctx.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
        const url = (name: string) => `${base}${TAXII_PREFIX}/${name}/`;
        // Every root this node serves: a local reader sees every collection, so every root.
        const roots = await listTaxiiApiRoots(ctx, {
          kind: 'local',
          userId: actorOf(request).userId,
          canRead: true,
          canWrite: false,
        });
        return {
          discoveryUrl: `${base}${TAXII_PREFIX}/`,
          apiRootUrl: url(TAXII_API_ROOT),
          maxContentLength: TAXII_MAX_CONTENT_LENGTH,
          apiRoots: roots.map((name) => ({ name, url: url(name) })),
        };
      },
    );

    app.get(
      '/intel/collections',
      {
        config: { permission: 'intel:read' },
        schema: {
          tags,
          summary: 'TAXII collections with sharing scope and object counts',
          response: answers(itemsOf(ZTaxiiCollectionSchema)),
        },
      },
      async () => ({ items: (await listCollectionsWithCounts(ctx)).map(presentAdminCollection) }),
    );

    app.post(
      '/intel/collections',
      {
        config: { permission: 'intel:manage' },
        schema: {
          tags,
          summary: 'Create a TAXII collection',
          body: ZCreateCollectionBodySchema,
          response: answers(ZTaxiiCollectionSchema, 201),
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentAdminCollection(await createCollection(ctx, actorOf(request), request.body))),
    );

    app.patch(
      '/intel/collections/:id',
      {
        config: { permission: 'intel:manage' },
        schema: {
          ...withId,
          summary: 'Change a collection: title, alias, readers, writers, max TLP, API root',
          body: ZUpdateCollectionBodySchema,
          response: answers(ZTaxiiCollectionSchema),
        },
      },
      async (request) =>
        presentAdminCollection(await changeCollection(ctx, actorOf(request), request.params.id, request.body)),
    );

    app.get(
      '/intel/feeds',
      {
        config: { permission: 'intel:read' },
        schema: {
          tags,
          summary: 'TAXII feeds: last run, last error, watermark',
          response: answers(itemsOf(ZTaxiiFeedSchema)),
        },
      },
      async () => ({ items: (await listFeeds(ctx.db)).map(presentFeed) }),
    );

    app.post(
      '/intel/feeds',
      {
        config: { permission: 'intel:manage' },
        schema: {
          tags,
          summary: 'Add a TAXII feed (scheduled pull)',
          body: ZCreateFeedBodySchema,
          response: answers(ZTaxiiFeedSchema, 201),
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentFeed(await createFeed(ctx, actorOf(request), request.body))),
    );

    app.patch(
      '/intel/feeds/:id',
      {
        config: { permission: 'intel:manage' },
        schema: {
          ...withId,
          summary: 'Change a TAXII feed',
          body: ZUpdateFeedBodySchema,
          response: answers(ZTaxiiFeedSchema),
        },
      },
      async (request) => presentFeed(await changeFeed(ctx, actorOf(request), request.params.id, request.body)),
    );

    app.delete(
      '/intel/feeds/:id',
      {
        config: { permission: 'intel:manage' },
        schema: {
          ...withId,
          summary: 'Delete a TAXII feed (objects pulled stay)',
          response: answers(ZTaxiiFeedDeletedSchema),
        },
      },
      async (request) => {
        await removeFeed(ctx, actorOf(request), request.params.id);
        return { deleted: true as const };
      },
    );

    app.post(
      '/intel/feeds/:id/pull',
      {
        config: { permission: 'intel:manage' },
        schema: {
          ...withId,
          summary: 'Pull a feed now; a remote failure is recorded on the feed',
          response: answers(ZTaxiiPullResultSchema),
        },
      },
      async (request) => {
        const run = await runFeed(ctx, request.params.id);
        const feed = await getFeed(ctx, request.params.id);
        return {
          feed: presentFeed(feed),
          ran: run.ran,
          error: run.error ?? null,
          summary: run.summary
            ? {
                ...run.summary,
                invalid: run.summary.invalid.slice(0, MAX_INVALID_SHOWN),
                invalidCount: run.summary.invalid.length,
              }
            : null,
        };
      },
    );

    app.get(
      '/intel/party-accounts',
      {
        config: { permission: 'intel:manage' },
        schema: {
          tags,
          summary: 'Accounts bound to an external party for TAXII',
          response: answers(itemsOf(ZPartyAccountSchema)),
        },
      },
      async () => ({ items: await listPartyAccounts(ctx.db) }),
    );

    app.put(
      '/intel/party-accounts/:id',
      {
        config: { permission: 'intel:manage' },
        schema: {
          ...withId,
          summary: 'Bind a user (by id) to the party it acts for over TAXII',
          body: ZPartyAccountBodySchema,
          response: answers(ZPartyBindingSchema),
        },
      },
      async (request) => {
        await bindPartyAccount(ctx, actorOf(request), request.params.id, request.body.party);
        return { userId: request.params.id, party: request.body.party };
      },
    );

    app.delete(
      '/intel/party-accounts/:id',
      {
        config: { permission: 'intel:manage' },
        schema: { ...withId, summary: 'Remove a party binding', response: answers(ZPartyBindingSchema) },
      },
      async (request) => {
        await unbindPartyAccount(ctx, actorOf(request), request.params.id);
        return { userId: request.params.id, party: null };
      },
    );
  };
}
