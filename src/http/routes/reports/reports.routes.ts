// Statistical reports (docs/spec.md §10.4): per period, per peer, per case and per request, as JSON for the
// web page or as CSV / PDF downloads.
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../../services/context.js';
import { buildCaseReportFor } from '../../../services/report/build-case-report.js';
import { buildPeriodStatistics } from '../../../services/report/build-period-report.js';
import { buildRequestReportFor } from '../../../services/report/build-request-report.js';
import { asUser } from '../../../services/report/report-viewer.js';
import { resolvePeriod } from '../../../services/report/resolve-period.js';
import type { ReportDocument } from '../../../domain/report/report-model.js';
import { exportReport, type ReportFormat } from '../../../report/export-report.js';
import type { ReportLocale } from '../../../report/report-locale.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, ZIdParamsSchema } from '../common.schema.js';
import { ZReportDocumentSchema } from './reports.response.js';
import {
  ZPartyParamsSchema,
  ZPeerReportQuerySchema,
  ZPeriodReportQuerySchema,
  ZRecordReportQuerySchema,
} from './reports.schema.js';

async function send(
  reply: FastifyReply,
  doc: ReportDocument,
  format: ReportFormat,
  locale: ReportLocale,
  ctx: ServiceContext,
) {
  if (format === 'json') return doc;
  const out = await exportReport(doc, format, locale, {
    timeZone: ctx.config.timeZone,
    partyName: ctx.config.nodeName,
  });
  return reply
    .header('content-type', out.mediaType)
    .header('content-disposition', `attachment; filename="${out.filename}"`)
    .header('cache-control', 'no-store')
    .send(out.body);
}

export function reportsRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['reports'];
    app.get(
      '/reports/period',
      {
        config: { permission: 'report:read' },
        schema: {
          tags,
          summary:
            'Statistics of a period (optionally one peer): counts, response-time percentiles, SLA compliance, expiries',
          querystring: ZPeriodReportQuerySchema,
          response: answers(ZReportDocumentSchema),
        },
      },
      async (request, reply) => {
        const { format, locale, peer, ...when } = request.query;
        const doc = await buildPeriodStatistics(ctx, asUser(actorOf(request)), {
          period: resolvePeriod(when),
          peer: peer ?? null,
        });
        return send(reply, doc, format, locale, ctx);
      },
    );

    app.get(
      '/reports/peers/:partyId',
      {
        config: { permission: 'report:read' },
        schema: {
          tags,
          summary: 'Statistics of the cooperation with one peer over a period',
          params: ZPartyParamsSchema,
          querystring: ZPeerReportQuerySchema,
          response: answers(ZReportDocumentSchema),
        },
      },
      async (request, reply) => {
        const { format, locale, ...when } = request.query;
        const doc = await buildPeriodStatistics(ctx, asUser(actorOf(request)), {
          period: resolvePeriod(when),
          peer: request.params.partyId,
        });
        return send(reply, doc, format, locale, ctx);
      },
    );

    app.get(
      '/reports/cases/:id',
      {
        config: { permission: 'report:read' },
        schema: {
          tags,
          summary: 'Report of one case (members see content; case visibility rules apply)',
          params: ZIdParamsSchema,
          querystring: ZRecordReportQuerySchema,
          response: answers(ZReportDocumentSchema),
        },
      },
      async (request, reply) =>
        send(
          reply,
          await buildCaseReportFor(ctx, actorOf(request), request.params.id),
          request.query.format,
          request.query.locale,
          ctx,
        ),
    );

    app.get(
      '/reports/requests/:id',
      {
        config: { permission: 'report:read' },
        schema: {
          tags,
          summary: 'Report of one request: step history, deadlines met or missed, deliveries and receipts',
          params: ZIdParamsSchema,
          querystring: ZRecordReportQuerySchema,
          response: answers(ZReportDocumentSchema),
        },
      },
      async (request, reply) =>
        send(
          reply,
          await buildRequestReportFor(ctx, actorOf(request), request.params.id),
          request.query.format,
          request.query.locale,
          ctx,
        ),
    );
  };
}
