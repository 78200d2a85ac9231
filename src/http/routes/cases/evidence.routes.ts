// Evidence of a case (docs/spec.md §4.3): raw uploads encrypted at rest, verified downloads that record
// custody, and the signed chain of custody with its verification.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../errors.js';
import type { ServiceContext } from '../../../services/context.js';
import { addEvidence } from '../../../services/case/add-evidence.js';
import { downloadEvidence } from '../../../services/case/download-evidence.js';
import { getCustody, getEvidence, listEvidence } from '../../../services/case/read-evidence.js';
import { recordCustodyStep } from '../../../services/case/record-custody.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, ERROR_SHAPES, itemsOf, ZIdParamsSchema } from '../common.schema.js';
import { ZCustodyEventSchema, ZCustodySchema, ZEvidenceSchema } from './cases.response.js';
import {
  ZCaseEvidenceParamsSchema,
  ZCustodyStepBodySchema,
  ZEvidenceContentQuerySchema,
  ZEvidenceUploadQuerySchema,
} from './cases.schema.js';
import { sendDownload } from '../file-download.js';
import { presentCustody, presentCustodyEvent, presentEvidence } from './evidence.presenter.js';

/** The body length a client declared (absent for a chunked upload). */
function declaredLength(header: string | undefined): number | undefined {
  const n = header === undefined ? NaN : Number(header);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

export function evidenceRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['evidence'];
    const withItem = { tags, params: ZCaseEvidenceParamsSchema };
    // Only in this plugin's scope: the file is the body, handed to the service as the raw stream
    // (not read here), which checks the case first and then streams it to disk up to maxEvidenceBytes.
    app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));

    app.get(
      '/cases/:id/evidence',
      {
        config: { permission: 'evidence:read' },
        schema: {
          tags,
          params: ZIdParamsSchema,
          response: answers(itemsOf(ZEvidenceSchema)),
          summary: 'Evidence items of the case (metadata, SHA-256)',
        },
      },
      async (request) => ({
        items: (await listEvidence(ctx, actorOf(request), request.params.id)).map(presentEvidence),
      }),
    );

    app.post(
      '/cases/:id/evidence',
      {
        config: { permission: 'evidence:add' },
        schema: {
          tags,
          params: ZIdParamsSchema,
          querystring: ZEvidenceUploadQuerySchema,
          response: answers(ZEvidenceSchema, 201),
          summary:
            'Upload a file as evidence: raw application/octet-stream body (streamed, up to maxEvidenceBytes), metadata in the query string',
        },
      },
      async (request, reply) => {
        if (!(request.body instanceof Readable))
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { expected: 'application/octet-stream' } });
        const evidence = await addEvidence(ctx, actorOf(request), request.params.id, request.query, {
          stream: request.body,
          declaredSize: declaredLength(request.headers['content-length']),
        });
        return reply.status(201).send(presentEvidence(evidence));
      },
    );

    app.get(
      '/cases/:id/evidence/:evidenceId',
      {
        config: { permission: 'evidence:read' },
        schema: { ...withItem, summary: 'One evidence item (metadata)', response: answers(ZEvidenceSchema) },
      },
      async (request) =>
        presentEvidence(await getEvidence(ctx, actorOf(request), request.params.id, request.params.evidenceId)),
    );

    app.get(
      '/cases/:id/evidence/:evidenceId/content',
      {
        config: { permission: 'evidence:read' },
        schema: {
          ...withItem,
          response: ERROR_SHAPES,
          querystring: ZEvidenceContentQuerySchema,
          summary: 'Download the file, checked against its SHA-256; records custody (accessed, or exported)',
        },
      },
      async (request, reply) => {
        const { evidence, content } = await downloadEvidence(
          ctx,
          actorOf(request),
          request.params.id,
          request.params.evidenceId,
          request.query.purpose,
        );
        return sendDownload(
          reply,
          { mediaType: evidence.mediaType, fileName: evidence.filename, bytes: content },
          {
            'repr-digest': `sha-256=:${createHash('sha256').update(content).digest('base64')}:`,
          },
        );
      },
    );

    app.get(
      '/cases/:id/evidence/:evidenceId/custody',
      {
        config: { permission: 'evidence:read' },
        schema: {
          ...withItem,
          summary: 'The chain of custody and whether it verifies (first bad event named)',
          response: answers(ZCustodySchema),
        },
      },
      async (request) =>
        presentCustody(await getCustody(ctx, actorOf(request), request.params.id, request.params.evidenceId)),
    );

    app.post(
      '/cases/:id/evidence/:evidenceId/custody',
      {
        config: { permission: 'case:edit' },
        schema: {
          ...withItem,
          summary: 'Record a custody step: verified (content is checked first), transferred or exported',
          body: ZCustodyStepBodySchema,
          response: answers(ZCustodyEventSchema, 201),
        },
      },
      async (request, reply) => {
        const { event } = await recordCustodyStep(
          ctx,
          actorOf(request),
          request.params.id,
          request.params.evidenceId,
          request.body,
        );
        return reply.status(201).send(presentCustodyEvent(event));
      },
    );
  };
}
