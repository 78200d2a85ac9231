// The public's way in (SPEC §6.1): file a report and check its status, without an account. Rate
// limited per client IP; the body carries the screenshots as base64 so a report and its files
// arrive, are checked and are stored in one request and one transaction.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { isAppError } from '../../../errors.js';
import type { ServiceContext } from '../../../services/context.js';
import { checkReportStatus } from '../../../services/public-report/check-report-status.js';
import { submitPublicReport } from '../../../services/public-report/submit-public-report.js';
import { ERROR_RESPONSES, ZErrorBodySchema } from '../common.schema.js';
import { takeRateToken, type RateScope } from '../../../services/public-report/take-rate-token.js';
import { ZReportStatusBodySchema, ZSubmitReportBodySchema } from './public-reports.schema.js';

/** Five files of 5 MB as base64 (4/3) plus the form itself. */
export const PUBLIC_REPORT_BODY_LIMIT = 36 * 1024 * 1024;

const PUBLIC_ERRORS = { ...ERROR_RESPONSES, 413: ZErrorBodySchema, 415: ZErrorBodySchema, 429: ZErrorBodySchema };

export function publicReportsRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['public reports'];

    app.post('/public/reports', {
      config: { permission: 'public' },
      bodyLimit: PUBLIC_REPORT_BODY_LIMIT,
      schema: {
        tags, security: [], body: ZSubmitReportBodySchema, response: PUBLIC_ERRORS,
        summary: 'File a report from the public (no account); answers with a receipt number and a status-check code shown once',
      },
    }, async (request, reply) => {
      await limit(ctx, 'report_submit', request.ip, reply);
      const { attachments, fax, ...input } = request.body;
      const files = attachments.map((a) => ({ filename: a.filename, bytes: Buffer.from(a.contentBase64, 'base64') }));
      const receipt = await submitPublicReport(ctx, input, files, { clientIp: request.ip, honeypot: fax });
      return reply.status(201).header('cache-control', 'no-store').send(receipt);
    });

    app.post('/public/reports/status', {
      config: { permission: 'public' },
      schema: {
        tags, security: [], body: ZReportStatusBodySchema, response: PUBLIC_ERRORS,
        summary: 'Status of a report for its reporter, by receipt number and status-check code (same error for unknown receipt and wrong code)',
      },
    }, async (request, reply) => {
      await limit(ctx, 'report_status', request.ip, reply);
      const view = await checkReportStatus(ctx, request.body.receipt, request.body.code);
      return reply.header('cache-control', 'no-store').send(view);
    });
  };
}

async function limit(ctx: ServiceContext, scope: RateScope, ip: string, reply: FastifyReply): Promise<void> {
  try {
    await takeRateToken(ctx, scope, ip);
  } catch (e) {
    if (isAppError(e) && e.code === 'PUBLIC_REPORT_RATE_LIMITED') void reply.header('retry-after', String(e.details?.retryAfterSeconds ?? 60));
    throw e;
  }
}
