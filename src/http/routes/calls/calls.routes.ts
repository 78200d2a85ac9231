// The 24/7 hotline (docs/spec.md §3): the call inbox, placing and recording calls, acting on them, and
// drafts that turn a call into a request or a case.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CALL_STATUS_LABELS,
  CALL_TOPIC_LABELS,
  CALL_URGENCY_LABELS,
  CONTACT_LOG_KIND_LABELS,
  DEFAULT_ACK_MINUTES,
  ESCALATION_ROLE_LABELS,
  ZPlaceCallSchema,
} from '../../../domain/call/index.js';
import type { ServiceContext } from '../../../services/context.js';
import { actOnCall } from '../../../services/call/act-on-call.js';
import { draftFromCall } from '../../../services/call/draft-from-call.js';
import { getCall } from '../../../services/call/get-call.js';
import { listCalls } from '../../../services/call/list-calls.js';
import { placeCall } from '../../../services/call/place-call.js';
import { recordIncomingCall } from '../../../services/call/record-incoming-call.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, itemsOf, splitList, ZIdParamsSchema } from '../common.schema.js';
import { presentCall, presentCallDetail } from './call.presenter.js';
import {
  ZCallCaseDraftSchema,
  ZCallDetailSchema,
  ZCallMetaSchema,
  ZCallRequestDraftSchema,
  ZCallViewSchema,
} from './calls.response.js';
import { ZCallActionBodySchema, ZCallListQuerySchema, ZRecordIncomingCallSchema } from './calls.schema.js';

export function callsRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['calls'];
    app.get(
      '/calls/meta',
      {
        config: { permission: 'call:read' },
        schema: {
          tags,
          summary: 'Topics, urgencies, statuses and ladder labels for forms',
          response: answers(ZCallMetaSchema),
        },
      },
      async () => ({
        topics: CALL_TOPIC_LABELS,
        urgencies: CALL_URGENCY_LABELS,
        statuses: CALL_STATUS_LABELS,
        escalationRoles: ESCALATION_ROLE_LABELS,
        contactLogKinds: CONTACT_LOG_KIND_LABELS,
        defaultAckMinutes: DEFAULT_ACK_MINUTES,
      }),
    );

    app.get(
      '/calls',
      {
        config: { permission: 'call:read' },
        schema: {
          tags,
          summary: 'The hotline inbox: open calls first, by urgency, then time left',
          querystring: ZCallListQuerySchema,
          response: answers(itemsOf(ZCallViewSchema)),
        },
      },
      async (request) => {
        const { status, urgency, overdue, ...q } = request.query;
        const items = await listCalls(ctx, actorOf(request), {
          ...q,
          status: splitList(status),
          urgency: splitList(urgency),
          overdue: overdue === 'true',
        });
        return { items: items.map(presentCall) };
      },
    );

    app.post(
      '/calls',
      {
        config: { permission: 'call:place' },
        schema: {
          tags,
          summary: 'Place an outgoing call to another party',
          body: ZPlaceCallSchema,
          response: answers(ZCallViewSchema, 201),
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentCall(await placeCall(ctx, actorOf(request), request.body))),
    );

    app.post(
      '/calls/incoming',
      {
        config: { permission: 'call:ack' },
        schema: {
          tags,
          summary: 'Record a call received off-platform (e.g. by phone); its acknowledgement clock runs here',
          body: ZRecordIncomingCallSchema,
          response: answers(ZCallViewSchema, 201),
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentCall(await recordIncomingCall(ctx, actorOf(request), request.body))),
    );

    app.get(
      '/calls/:id',
      {
        config: { permission: 'call:read' },
        schema: {
          tags,
          summary: 'One call with its clock, allowed actions and contact log',
          params: ZIdParamsSchema,
          response: answers(ZCallDetailSchema),
        },
      },
      async (request) => presentCallDetail(await getCall(ctx, actorOf(request), request.params.id)),
    );

    app.post(
      '/calls/:id/actions',
      {
        // Each action's own permission (call:ack to acknowledge, call:place to answer …) is checked by the service.
        config: { permission: 'call:read' },
        schema: {
          tags,
          summary: 'Acknowledge, answer, close, cancel, escalate, note, log a callback, link a request or case',
          params: ZIdParamsSchema,
          body: ZCallActionBodySchema,
          response: answers(ZCallDetailSchema),
        },
      },
      async (request) => presentCallDetail(await actOnCall(ctx, actorOf(request), request.params.id, request.body)),
    );

    app.get(
      '/calls/:id/request-draft',
      {
        config: { permission: 'call:read' },
        schema: {
          tags,
          summary: 'A request for assistance prefilled from the call',
          params: ZIdParamsSchema,
          response: answers(ZCallRequestDraftSchema),
        },
      },
      async (request) => (await draftFromCall(ctx, actorOf(request), request.params.id, 'request')).draft,
    );

    app.get(
      '/calls/:id/case-draft',
      {
        config: { permission: 'call:read' },
        schema: {
          tags,
          summary: 'A case prefilled from the call',
          params: ZIdParamsSchema,
          response: answers(ZCallCaseDraftSchema),
        },
      },
      async (request) => (await draftFromCall(ctx, actorOf(request), request.params.id, 'case')).draft,
    );
  };
}
