// Requests for assistance: drafts, the workflow, incoming registration, lists, history and the
// reference data (types, legal bases, labels) the request form needs.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ALLOWED_LEGAL_BASES_BY_TYPE,
  CONFIDENTIALITY_LABELS,
  CRIME_CATEGORY_LABELS,
  IDENTIFIER_KIND_LABELS,
  LEGAL_BASES,
  REQUEST_ACTION_LABELS,
  REQUEST_STATUS_LABELS,
  REQUEST_TYPE_LABELS,
  URGENCY_LABELS,
  ZCreateRequestDraftSchema,
  ZUpdateRequestDraftSchema,
  type TRequestAction,
} from '../../../domain/request/index.js';
import type { ServiceContext } from '../../../services/context.js';
import { actOnRequest } from '../../../services/request/act-on-request.js';
import { createDraftRequest } from '../../../services/request/create-request-draft.js';
import { createRequestFromCall } from '../../../services/request/create-request-from-call.js';
import { getRequest, getRequestDeliveries, listVisibleRequests } from '../../../services/request/read-requests.js';
import { registerIncomingRequest } from '../../../services/request/register-incoming-request.js';
import { updateDraftRequest } from '../../../services/request/update-request-draft.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, itemsOf, splitList, ZIdParamsSchema } from '../common.schema.js';
import { requestAnswerRoutes } from './request-answer.routes.js';
import {
  ZRegisterIncomingRequestSchema,
  ZRequestActionBodySchema,
  ZRequestListQuerySchema,
} from './requests.schema.js';
import {
  ZRecordDeliverySchema,
  ZRequestDetailSchema,
  ZRequestMetaSchema,
  ZRequestViewSchema,
} from './requests.response.js';

export function requestsRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['requests'];
    await app.register(requestAnswerRoutes(ctx));
    app.get(
      '/requests/meta',
      {
        config: { permission: 'request:read' },
        schema: {
          tags,
          summary: 'Request types, legal bases and labels for forms',
          response: answers(ZRequestMetaSchema),
        },
      },
      async () => ({
        types: REQUEST_TYPE_LABELS,
        urgencies: URGENCY_LABELS,
        confidentiality: CONFIDENTIALITY_LABELS,
        crimeCategories: CRIME_CATEGORY_LABELS,
        identifierKinds: IDENTIFIER_KIND_LABELS,
        statuses: REQUEST_STATUS_LABELS,
        actions: REQUEST_ACTION_LABELS,
        legalBases: LEGAL_BASES,
        legalBasesByType: ALLOWED_LEGAL_BASES_BY_TYPE,
      }),
    );

    app.get(
      '/requests',
      {
        config: { permission: 'request:read' },
        schema: {
          tags,
          summary: 'Requests I may see, soonest deadline first',
          querystring: ZRequestListQuerySchema,
          response: answers(itemsOf(ZRequestViewSchema)),
        },
      },
      async (request) => {
        const { status, overdue, mine, ...q } = request.query;
        return {
          items: await listVisibleRequests(ctx, actorOf(request), {
            ...q,
            status: splitList(status),
            overdue: overdue === 'true',
            mine: mine === 'true',
          }),
        };
      },
    );

    app.post(
      '/requests',
      {
        config: { permission: 'request:create' },
        schema: {
          tags,
          summary: 'Start a request as a draft',
          body: ZCreateRequestDraftSchema,
          response: answers(ZRequestViewSchema, 201),
        },
      },
      async (request, reply) => reply.status(201).send(await createDraftRequest(ctx, actorOf(request), request.body)),
    );

    app.post(
      '/requests/incoming',
      {
        config: { permission: 'request:act' },
        schema: {
          tags,
          summary: 'Register a request received off-federation (e-mail, fax, phone)',
          body: ZRegisterIncomingRequestSchema,
          response: answers(ZRequestViewSchema, 201),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await registerIncomingRequest(ctx, actorOf(request), request.body)),
    );

    app.post(
      '/calls/:id/request',
      {
        config: { permission: 'request:create' },
        schema: {
          tags,
          summary: 'Turn a hotline call this node placed into a linked request draft',
          params: ZIdParamsSchema,
          response: answers(ZRequestViewSchema, 201),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createRequestFromCall(ctx, actorOf(request), request.params.id)),
    );

    app.get(
      '/requests/:id',
      {
        config: { permission: 'request:read' },
        schema: {
          tags,
          summary: 'One request with its clocks, allowed actions and history',
          params: ZIdParamsSchema,
          response: answers(ZRequestDetailSchema),
        },
      },
      async (request) => getRequest(ctx, actorOf(request), request.params.id),
    );

    app.get(
      '/requests/:id/deliveries',
      {
        config: { permission: 'request:read' },
        schema: {
          tags,
          summary: 'Federation messages sent about the request: delivery state and signed receipts',
          params: ZIdParamsSchema,
          response: answers(itemsOf(ZRecordDeliverySchema)),
        },
      },
      async (request) => ({ items: await getRequestDeliveries(ctx, actorOf(request), request.params.id) }),
    );

    app.patch(
      '/requests/:id',
      {
        config: { permission: 'request:create' },
        schema: {
          tags,
          summary: 'Edit a draft',
          params: ZIdParamsSchema,
          body: ZUpdateRequestDraftSchema,
          response: answers(ZRequestViewSchema),
        },
      },
      async (request) => updateDraftRequest(ctx, actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/requests/:id/actions',
      {
        config: { permission: 'request:act' },
        schema: {
          tags,
          summary: 'Take a workflow step (submit, acknowledge, accept, fulfil, withdraw …)',
          params: ZIdParamsSchema,
          body: ZRequestActionBodySchema,
          response: answers(ZRequestViewSchema),
        },
      },
      async (request) => {
        const { onBehalfOfCounterpart, ...command } = request.body;
        return actOnRequest(ctx, actorOf(request), request.params.id, command as TRequestAction, {
          onBehalfOfCounterpart,
        });
      },
    );
  };
}
