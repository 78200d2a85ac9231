// Case cooperation (docs/spec.md §4): cases, their lifecycle, members, parties and links, timeline and the
// share (preview and send); observables, tasks and evidence are registered from their own route files.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CASE_ACTIONS,
  CASE_CONFIDENTIALITY_LABELS,
  CASE_ROLE_LABELS,
  CASE_STATUS_LABELS,
  CRIME_CATEGORY_LABELS,
  CUSTODY_KIND_LABELS,
  MAX_OBSERVABLES_PER_BATCH,
  OBSERVABLE_TYPE_LABELS,
  SHARE_GRANULARITIES,
  TASK_ACTIONS,
  TASK_STATUS_LABELS,
  TLP_DESCRIPTIONS,
  ZShareCaseSchema,
  ZUpdateCaseSchema,
} from '../../../domain/case/index.js';
import type { ServiceContext } from '../../../services/context.js';
import { actOnCase, updateCaseDetails, type CaseCommand } from '../../../services/case/act-on-case.js';
import { getCaseTimeline } from '../../../services/case/case-timeline.js';
import { createCase } from '../../../services/case/create-case.js';
import { getCase } from '../../../services/case/get-case.js';
import { listCases } from '../../../services/case/list-cases.js';
import { previewCaseShare } from '../../../services/case/preview-case-share.js';
import { shareCase } from '../../../services/case/share-case.js';
import { getCaseDeliveries } from '../../../services/case/case-deliveries.js';
import { ZRecordDeliverySchema } from '../requests/requests.response.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, itemsOf, splitList, ZIdParamsSchema } from '../common.schema.js';
import {
  ZCaseDetailSchema,
  ZCaseMetaSchema,
  ZCaseSummarySchema,
  ZCaseTimelineEntrySchema,
  ZCaseViewSchema,
  ZShareOutcomeSchema,
  ZSharePreviewAnswerSchema,
} from './cases.response.js';
import { caseItemsRoutes } from './case-items.routes.js';
import { presentCase, presentCaseDetail, presentCaseSummary, presentTimelineEntry } from './case.presenter.js';
import { createCaseFromCall } from '../../../services/case/create-case-from-call.js';
import { ZCaseActionBodySchema, ZCaseListQuerySchema, ZCreateCaseBodySchema } from './cases.schema.js';
import { evidenceRoutes } from './evidence.routes.js';

export function casesRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['cases'];
    const withId = { tags, params: ZIdParamsSchema };

    app.get(
      '/cases/meta',
      {
        config: { permission: 'case:read' },
        schema: {
          tags,
          summary: 'Categories, statuses, TLP, observable types and other labels for forms',
          response: answers(ZCaseMetaSchema),
        },
      },
      async () => ({
        statuses: CASE_STATUS_LABELS,
        crimeCategories: CRIME_CATEGORY_LABELS,
        confidentiality: CASE_CONFIDENTIALITY_LABELS,
        caseRoles: CASE_ROLE_LABELS,
        tlp: TLP_DESCRIPTIONS,
        observableTypes: OBSERVABLE_TYPE_LABELS,
        custodyKinds: CUSTODY_KIND_LABELS,
        taskStatuses: TASK_STATUS_LABELS,
        actions: CASE_ACTIONS,
        taskActions: TASK_ACTIONS,
        shareGranularities: SHARE_GRANULARITIES,
        limits: { maxEvidenceBytes: ctx.config.maxEvidenceBytes, maxObservablesPerBatch: MAX_OBSERVABLES_PER_BATCH },
      }),
    );

    app.get(
      '/cases',
      {
        config: { permission: 'case:read' },
        schema: {
          tags,
          summary: 'Cases I am a member of (admins: all, membership only), latest change first',
          querystring: ZCaseListQuerySchema,
          response: answers(itemsOf(ZCaseSummarySchema)),
        },
      },
      async (request) => {
        const { status, category, mine, ...q } = request.query;
        const items = await listCases(ctx, actorOf(request), {
          ...q,
          status: splitList(status),
          category: splitList(category),
          mine: mine === 'true',
        });
        return { items: items.map(presentCaseSummary) };
      },
    );

    app.post(
      '/cases',
      {
        config: { permission: 'case:create' },
        schema: {
          tags,
          summary: 'Open a case; the creator becomes its lead',
          body: ZCreateCaseBodySchema,
          response: answers(ZCaseViewSchema, 201),
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentCase(await createCase(ctx, actorOf(request), request.body))),
    );

    app.post(
      '/calls/:id/case',
      {
        config: { permission: 'case:create' },
        schema: {
          tags,
          summary: 'Open a case from a hotline call, linked both ways',
          params: ZIdParamsSchema,
          response: answers(ZCaseViewSchema, 201),
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentCase(await createCaseFromCall(ctx, actorOf(request), request.params.id))),
    );

    app.get(
      '/cases/:id',
      {
        config: { permission: 'case:read' },
        schema: {
          ...withId,
          summary: 'One case with members, observables, evidence metadata, tasks and timeline',
          response: answers(ZCaseDetailSchema),
        },
      },
      async (request) => presentCaseDetail(await getCase(ctx, actorOf(request), request.params.id)),
    );

    app.patch(
      '/cases/:id',
      {
        config: { permission: 'case:edit' },
        schema: {
          ...withId,
          summary: 'Edit title, summary, categories, reference, TLP or confidentiality',
          body: ZUpdateCaseSchema,
          response: answers(ZCaseViewSchema),
        },
      },
      async (request) => presentCase(await updateCaseDetails(ctx, actorOf(request), request.params.id, request.body)),
    );

    app.post(
      '/cases/:id/actions',
      {
        // Admins manage membership without case:edit; the case policy decides each action (CASE_FORBIDDEN).
        config: { permission: 'case:read' },
        schema: {
          ...withId,
          summary:
            'Activate, suspend, resume, close, reopen; add or remove members and parties; link requests and calls',
          body: ZCaseActionBodySchema,
          response: answers(ZCaseViewSchema),
        },
      },
      async (request) =>
        presentCase(await actOnCase(ctx, actorOf(request), request.params.id, request.body as CaseCommand)),
    );

    app.get(
      '/cases/:id/timeline',
      {
        config: { permission: 'case:read' },
        schema: {
          ...withId,
          summary: 'Everything that happened on the case, oldest first',
          response: answers(itemsOf(ZCaseTimelineEntrySchema)),
        },
      },
      async (request) => ({
        items: (await getCaseTimeline(ctx, actorOf(request), request.params.id)).map(presentTimelineEntry),
      }),
    );

    app.post(
      '/cases/:id/share/preview',
      {
        config: { permission: 'case:edit' },
        schema: {
          ...withId,
          summary: 'What a share would send to each peer, and what TLP or confidentiality refuses (nothing is sent)',
          body: ZShareCaseSchema,
          response: answers(ZSharePreviewAnswerSchema),
        },
      },
      async (request) => ({
        recipients: await previewCaseShare(ctx, actorOf(request), request.params.id, request.body),
      }),
    );

    app.post(
      '/cases/:id/share',
      {
        config: { permission: 'case:edit' },
        schema: {
          ...withId,
          body: ZShareCaseSchema,
          response: answers(ZShareOutcomeSchema, 202),
          summary:
            'Share the case with peers: all or nothing — any item TLP or confidentiality refuses is listed and nothing is sent; otherwise queued for delivery (202)',
        },
      },
      async (request, reply) =>
        reply.status(202).send(await shareCase(ctx, actorOf(request), request.params.id, request.body)),
    );

    app.get(
      '/cases/:id/deliveries',
      {
        config: { permission: 'case:read' },
        schema: {
          ...withId,
          summary: "Per recipient, the federation messages the case's shares sent: delivery state and signed receipts",
          response: answers(itemsOf(ZRecordDeliverySchema)),
        },
      },
      async (request) => ({ items: await getCaseDeliveries(ctx, actorOf(request), request.params.id) }),
    );

    await app.register(caseItemsRoutes(ctx));
    await app.register(evidenceRoutes(ctx));
  };
}
