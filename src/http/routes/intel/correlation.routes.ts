// Correlation alerts (only those whose two sources the viewer may see), value lookups, and the
// administrators' exclusion list.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../../services/context.js';
import { ackAlert } from '../../../services/intel/ack-alert.js';
import { addExclusion } from '../../../services/intel/add-exclusion.js';
import { findCorrelations, listAlerts, listCorrelationExclusions } from '../../../services/intel/read-correlations.js';
import { removeExclusion } from '../../../services/intel/remove-exclusion.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, itemsOf } from '../common.schema.js';
import { presentAlert, presentExclusion, presentIndexedSource } from './correlation.presenter.js';
import {
  ZAddExclusionSchema,
  ZAlertListQuerySchema,
  ZAlertParamsSchema,
  ZCorrelationQuerySchema,
  ZExclusionParamsSchema,
} from './correlation.schema.js';
import {
  ZAlertPageSchema,
  ZCorrelationAlertSchema,
  ZCorrelationExclusionSchema,
  ZCorrelationsSchema,
} from './intel.response.js';

export function correlationRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['intel'];

    app.get(
      '/intel/alerts',
      {
        config: { permission: 'intel:read' },
        schema: {
          tags,
          summary: 'Correlation alerts whose two sources you may see, newest first',
          querystring: ZAlertListQuerySchema,
          response: answers(ZAlertPageSchema),
        },
      },
      async (request) => {
        const { items, total } = await listAlerts(ctx, actorOf(request), request.query);
        return { items: items.map(presentAlert), total, limit: request.query.limit, offset: request.query.offset };
      },
    );

    app.post(
      '/intel/alerts/:id/ack',
      {
        config: { permission: 'intel:write' },
        schema: {
          tags,
          summary: 'Dismiss a correlation alert (a new shared value re-opens it)',
          params: ZAlertParamsSchema,
          response: answers(ZCorrelationAlertSchema),
        },
      },
      async (request) => presentAlert(await ackAlert(ctx, actorOf(request), request.params.id)),
    );

    app.get(
      '/intel/correlations',
      {
        config: { permission: 'intel:read' },
        schema: {
          tags,
          summary: 'The sources you may see that hold this value, and whether it is common or excluded',
          querystring: ZCorrelationQuerySchema,
          response: answers(ZCorrelationsSchema),
        },
      },
      async (request) => {
        const c = await findCorrelations(ctx, actorOf(request), request.query.type, request.query.value);
        return { ...c, sources: c.sources.map(presentIndexedSource) };
      },
    );

    app.get(
      '/intel/exclusions',
      {
        config: { permission: 'intel:manage' },
        schema: {
          tags,
          summary: 'Values excluded from correlation',
          response: answers(itemsOf(ZCorrelationExclusionSchema)),
        },
      },
      async () => ({ items: (await listCorrelationExclusions(ctx)).map(presentExclusion) }),
    );

    app.post(
      '/intel/exclusions',
      {
        config: { permission: 'intel:manage' },
        schema: {
          tags,
          summary: 'Exclude a value from correlation',
          body: ZAddExclusionSchema,
          response: answers(ZCorrelationExclusionSchema, 201),
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentExclusion(await addExclusion(ctx, actorOf(request), request.body))),
    );

    app.delete(
      '/intel/exclusions/:type/:hash',
      {
        config: { permission: 'intel:manage' },
        schema: {
          tags,
          summary: 'Let an excluded value correlate again',
          params: ZExclusionParamsSchema,
          response: answers(ZCorrelationExclusionSchema),
        },
      },
      async (request) =>
        presentExclusion(await removeExclusion(ctx, actorOf(request), request.params.type, request.params.hash)),
    );
  };
}
