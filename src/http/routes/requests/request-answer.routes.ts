// What the request page needs to answer a request with evidence and to show what arrived: the cases
// linked to it (and one opened from it in one step), a file filed for it straight from the fulfilment
// form, and its evidence items with both sides' SHA-256. Custody and downloads stay on the case routes.
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../errors.js';
import type { ServiceContext } from '../../../services/context.js';
import { addResponseEvidence } from '../../../services/request/add-response-evidence.js';
import { listRequestCases, openRequestCase } from '../../../services/request/request-cases.js';
import { listRequestEvidence } from '../../../services/request/request-evidence-view.js';
import { actorOf } from '../../plugins/auth.js';
import { presentEvidence } from '../cases/evidence.presenter.js';
import { answers, itemsOf, ZIdParamsSchema } from '../common.schema.js';
import {
  ZRequestCaseOpenedSchema,
  ZRequestCaseSchema,
  ZRequestEvidenceSchema,
  ZResponseEvidenceFiledSchema,
} from './request-answer.response.js';
import { ZResponseEvidenceQuerySchema } from './requests.schema.js';

/** The body length a client declared (absent for a chunked upload). */
function declaredLength(header: string | undefined): number | undefined {
  const n = header === undefined ? NaN : Number(header);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

export function requestAnswerRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['requests'];
    // Only in this plugin's scope: the file is the raw body, streamed by the case upload.
    app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));

    app.get(
      '/requests/:id/cases',
      {
        config: { permission: 'request:read' },
        schema: {
          tags,
          params: ZIdParamsSchema,
          response: answers(itemsOf(ZRequestCaseSchema)),
          summary: 'Cases linked to the request that I may know of',
        },
      },
      async (request) => ({ items: await listRequestCases(ctx, actorOf(request), request.params.id) }),
    );

    app.post(
      '/requests/:id/case',
      {
        config: { permission: 'case:create' },
        schema: {
          tags,
          params: ZIdParamsSchema,
          response: { ...answers(ZRequestCaseOpenedSchema, 201), 200: ZRequestCaseOpenedSchema },
          summary:
            "The request's case for me: a linked case I may add evidence to, else a new one opened from the request and linked to it",
        },
      },
      async (request, reply) => {
        const { case: kase, opened } = await openRequestCase(ctx, actorOf(request), request.params.id);
        return reply.status(opened ? 201 : 200).send({ case: kase, opened });
      },
    );

    app.get(
      '/requests/:id/evidence',
      {
        config: { permission: 'request:read' },
        schema: {
          tags,
          params: ZIdParamsSchema,
          response: answers(ZRequestEvidenceSchema),
          summary:
            'Evidence of the request: received (both SHA-256), sent, or filed and not sent yet; items in cases I am not a member of are only counted',
        },
      },
      async (request) => {
        const { items, notShown } = await listRequestEvidence(ctx, actorOf(request), request.params.id);
        return { items: items.map((i) => ({ ...i, evidence: presentEvidence(i.evidence) })), notShown };
      },
    );

    app.post(
      '/requests/:id/evidence',
      {
        config: { permission: 'evidence:add' },
        schema: {
          tags,
          params: ZIdParamsSchema,
          querystring: ZResponseEvidenceQuerySchema,
          response: answers(ZResponseEvidenceFiledSchema, 201),
          summary:
            'Requested side: file a file answering the request (raw application/octet-stream body, metadata in the query) in its case, opened when there is none',
        },
      },
      async (request, reply) => {
        if (!(request.body instanceof Readable))
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { expected: 'application/octet-stream' } });
        const result = await addResponseEvidence(ctx, actorOf(request), request.params.id, request.query, {
          stream: request.body,
          declaredSize: declaredLength(request.headers['content-length']),
        });
        return reply
          .status(201)
          .send({ evidence: presentEvidence(result.evidence), case: result.case, caseOpened: result.caseOpened });
      },
    );
  };
}
