// The triage queue (docs/spec.md §6.2): analysts and points of contact review reports from the public,
// open their screenshots (audited), merge duplicates and turn reports into a case in one action.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  PUBLIC_STATUS_TEXT,
  REPORT_CATEGORY_LABELS,
  PAYMENT_METHODS,
  REPORT_STATUSES,
} from '../../../domain/public-report/index.js';
import type { ServiceContext } from '../../../services/context.js';
import { actOnReport } from '../../../services/public-report/act-on-report.js';
import { createCaseFromReports } from '../../../services/public-report/create-case-from-reports.js';
import { downloadReportAttachment } from '../../../services/public-report/download-report-attachment.js';
import { getTriageReport } from '../../../services/public-report/get-triage-report.js';
import { listTriageReports } from '../../../services/public-report/list-triage-reports.js';
import { mergeReports } from '../../../services/public-report/merge-reports.js';
import { sendDownload } from '../file-download.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, ERROR_SHAPES, itemsOf, splitList, ZIdParamsSchema } from '../common.schema.js';
import {
  ZCaseFromReportsSchema,
  ZReportCoreSchema,
  ZTriageMetaSchema,
  ZTriageQueueSchema,
  ZTriageReportSchema,
} from './public-reports.response.js';
import { presentQueueItem, presentReportRecord, presentTriageReport } from './public-report.presenter.js';
import {
  ZAttachmentParamsSchema,
  ZCaseFromReportsBodySchema,
  ZMergeBodySchema,
  ZTriageActionBodySchema,
  ZTriageListQuerySchema,
} from './public-reports.schema.js';
import type { ReportCategory, ReportStatus } from '../../../domain/public-report/index.js';

export function triageRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['triage'];
    const withId = { tags, params: ZIdParamsSchema };

    app.get(
      '/triage/meta',
      {
        config: { permission: 'triage:read' },
        schema: {
          tags,
          summary: 'Labels for the triage forms: categories, statuses, payment methods',
          response: answers(ZTriageMetaSchema),
        },
      },
      async () => ({
        categories: REPORT_CATEGORY_LABELS,
        statuses: REPORT_STATUSES,
        paymentMethods: PAYMENT_METHODS,
        publicStatusText: PUBLIC_STATUS_TEXT,
      }),
    );

    app.get(
      '/triage/reports',
      {
        config: { permission: 'triage:read' },
        schema: {
          tags,
          querystring: ZTriageListQuerySchema,
          response: answers(ZTriageQueueSchema),
          summary: 'The triage queue, newest first, with filters',
        },
      },
      async (request) => {
        const { status, category, hasCorrelation, ...q } = request.query;
        const queue = await listTriageReports(ctx, {
          ...q,
          statuses: splitList<ReportStatus>(status),
          categories: splitList<ReportCategory>(category),
          hasCorrelation: hasCorrelation === undefined ? undefined : hasCorrelation === 'true',
        });
        return { items: queue.items.map(presentQueueItem), total: queue.total, spamDiscarded: queue.spamDiscarded };
      },
    );

    app.get(
      '/triage/reports/:id',
      {
        config: { permission: 'triage:read' },
        schema: {
          ...withId,
          summary: 'One report: story, fields, attachments, indicators, suggested duplicates',
          response: answers(ZTriageReportSchema),
        },
      },
      async (request) => presentTriageReport(await getTriageReport(ctx, actorOf(request), request.params.id)),
    );

    app.get(
      '/triage/reports/:id/attachments/:attachmentId/content',
      {
        config: { permission: 'triage:read' },
        schema: {
          tags,
          params: ZAttachmentParamsSchema,
          response: ERROR_SHAPES,
          summary: 'Download a screenshot (decrypted, checked against its SHA-256; audited)',
        },
      },
      async (request, reply) => {
        const { attachment, content } = await downloadReportAttachment(
          ctx,
          actorOf(request),
          request.params.id,
          request.params.attachmentId,
        );
        return sendDownload(reply, { mediaType: attachment.mediaType, fileName: attachment.filename, bytes: content });
      },
    );

    app.post(
      '/triage/reports/:id/actions',
      {
        config: { permission: 'triage:act' },
        schema: {
          ...withId,
          body: ZTriageActionBodySchema,
          response: answers(ZReportCoreSchema),
          summary: 'Start review, close or reopen a report (with an internal note)',
        },
      },
      async (request) =>
        presentReportRecord(
          await actOnReport(ctx, actorOf(request), request.params.id, request.body.action, request.body.note),
        ),
    );

    app.post(
      '/triage/reports/:id/merge',
      {
        config: { permission: 'triage:act' },
        schema: {
          ...withId,
          body: ZMergeBodySchema,
          response: answers(itemsOf(ZReportCoreSchema)),
          summary: 'Mark other reports as duplicates of this one (both kept)',
        },
      },
      async (request) => ({
        items: (await mergeReports(ctx, actorOf(request), request.params.id, request.body.duplicateIds)).map(
          presentReportRecord,
        ),
      }),
    );

    app.post(
      '/triage/cases',
      {
        config: { permission: 'triage:act' },
        schema: {
          tags,
          body: ZCaseFromReportsBodySchema,
          response: answers(ZCaseFromReportsSchema, 201),
          summary:
            'Create a case from reports: observables, evidence with custody, reports forwarded — one transaction',
        },
      },
      async (request, reply) => {
        const r = await createCaseFromReports(ctx, actorOf(request), request.body);
        return reply.status(201).send({
          caseId: r.kase.id,
          reference: r.kase.reference,
          observables: r.observables,
          evidence: r.evidence,
          reports: r.reports.map(presentReportRecord),
        });
      },
    );
  };
}
