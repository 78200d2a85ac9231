// The public's way in (docs/spec.md §6.1): file a report and check its status, without an account.
//
// Nothing a member of the public sends is read before its limits apply: each route takes its per-IP
// rate-limit token in an onRequest hook (a refused client is answered 429 before a byte of its body
// is read), and bodies are small. Screenshots arrive one per request, ahead of the report, through
// /public/reports/attachments (≤ 5 MB, type by magic bytes), and the report names them by their upload
// tokens — so the report body itself is limited to PUBLIC_REPORT_BODY_LIMIT, not 5 × 5 MB of base64.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ATTACHMENT_LIMITS } from '../../../domain/public-report/index.js';
import { AppError, isAppError } from '../../../errors.js';
import type { ServiceContext } from '../../../services/context.js';
import { checkReportStatus } from '../../../services/public-report/check-report-status.js';
import { ACCEPTED_MEDIA_TYPES, stageReportAttachment } from '../../../services/public-report/report-uploads.js';
import { submitPublicReport } from '../../../services/public-report/submit-public-report.js';
import { answers, ZErrorBodySchema } from '../common.schema.js';
import {
  ZPublicStatusViewSchema,
  ZStagedAttachmentSchema,
  ZSubmissionReceiptSchema,
} from './public-reports.response.js';
import { takeRateToken, type RateScope } from '../../../services/public-report/take-rate-token.js';
import {
  ZReportStatusBodySchema,
  ZStagedAttachmentQuerySchema,
  ZSubmitReportBodySchema,
} from './public-reports.schema.js';

/**
 * The report form as JSON: its longest valid content (20,000 characters of story, 4 × 50 suspect
 * contacts of up to 2,000 characters, 20 payments) is about 1.4 MB of UTF-8 Chinese text. Small
 * screenshots may still come inline as base64 within this limit; larger ones through the upload route.
 */
export const PUBLIC_REPORT_BODY_LIMIT = 2 * 1024 * 1024;

/** One screenshot per upload request: the file itself. */
export const PUBLIC_REPORT_UPLOAD_LIMIT = ATTACHMENT_LIMITS.maxBytes;

const PUBLIC_ERRORS = { 413: ZErrorBodySchema, 415: ZErrorBodySchema, 429: ZErrorBodySchema };

export function publicReportsRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['public reports'];
    // In this plugin's scope only: a screenshot upload is the file, read as bytes up to its limit.
    app.addContentTypeParser(
      ['application/octet-stream', ...ACCEPTED_MEDIA_TYPES],
      { parseAs: 'buffer', bodyLimit: PUBLIC_REPORT_UPLOAD_LIMIT },
      (_req, body, done) => done(null, body),
    );

    app.post(
      '/public/reports',
      {
        config: { permission: 'public' },
        bodyLimit: PUBLIC_REPORT_BODY_LIMIT,
        onRequest: rateLimited(ctx, 'report_submit'),
        schema: {
          tags,
          security: [],
          body: ZSubmitReportBodySchema,
          response: { ...answers(ZSubmissionReceiptSchema, 201), ...PUBLIC_ERRORS },
          summary:
            'File a report from the public (no account); answers with a receipt number and a status-check code shown once',
        },
      },
      async (request, reply) => {
        const { attachments, fax, ...input } = request.body;
        const files = attachments.flatMap((a) =>
          'contentBase64' in a ? [{ filename: a.filename, bytes: Buffer.from(a.contentBase64, 'base64') }] : [],
        );
        const uploads = attachments.flatMap((a) => ('uploadToken' in a ? [a.uploadToken] : []));
        const receipt = await submitPublicReport(ctx, input, files, { clientIp: request.ip, honeypot: fax, uploads });
        return reply.status(201).header('cache-control', 'no-store').send(receipt);
      },
    );

    app.post(
      '/public/reports/attachments',
      {
        config: { permission: 'public' },
        bodyLimit: PUBLIC_REPORT_UPLOAD_LIMIT,
        onRequest: [rateLimited(ctx, 'report_upload'), refuseDeclaredOver(PUBLIC_REPORT_UPLOAD_LIMIT)],
        schema: {
          tags,
          security: [],
          querystring: ZStagedAttachmentQuerySchema,
          response: { ...answers(ZStagedAttachmentSchema, 201), ...PUBLIC_ERRORS },
          summary:
            'Send one screenshot (PNG, JPEG, WebP or PDF, at most 5 MB; the raw file as the body) ahead of a report; ' +
            "answers with an upload token for the report's attachments, kept for an hour",
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body))
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
            details: { expected: ['application/octet-stream', ...ACCEPTED_MEDIA_TYPES] },
          });
        const staged = await stageReportAttachment(ctx, { filename: request.query.filename, bytes: request.body });
        return reply.status(201).header('cache-control', 'no-store').send(staged);
      },
    );

    app.post(
      '/public/reports/status',
      {
        config: { permission: 'public' },
        onRequest: rateLimited(ctx, 'report_status'),
        schema: {
          tags,
          security: [],
          body: ZReportStatusBodySchema,
          response: { ...answers(ZPublicStatusViewSchema), ...PUBLIC_ERRORS },
          summary:
            'Status of a report for its reporter, by receipt number and status-check code (same error for unknown receipt and wrong code)',
        },
      },
      async (request, reply) => {
        const view = await checkReportStatus(ctx, request.body.receipt, request.body.code);
        return reply.header('cache-control', 'no-store').send(view);
      },
    );
  };
}

/** The client's token for this route, taken before its body is read; 429 with Retry-After when none is left. */
function rateLimited(ctx: ServiceContext, scope: RateScope) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    try {
      await takeRateToken(ctx, scope, request.ip);
    } catch (e) {
      if (isAppError(e) && e.code === 'PUBLIC_REPORT_RATE_LIMITED')
        void reply.header('retry-after', String(e.details?.retryAfterSeconds ?? 60));
      throw e;
    }
  };
}

/** A screenshot declared larger than allowed is refused with its own message before it is read. */
function refuseDeclaredOver(maxBytes: number) {
  return async (request: FastifyRequest): Promise<void> => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      throw new AppError('PUBLIC_REPORT_ATTACHMENT_TOO_LARGE', { details: { maxBytes, size: declared } });
    }
  };
}
