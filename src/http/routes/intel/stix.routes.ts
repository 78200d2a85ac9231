// STIX 2.1 import and export over HTTP (docs/spec.md §5.1): bundle upload (size-limited; the CLI streams
// big files), streamed bundle export, object browsing, and a case's observables as a bundle.
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../errors.js';
import type { ServiceContext } from '../../../services/context.js';
import { exportCaseStix } from '../../../services/intel/export-case-stix.js';
import { exportStix } from '../../../services/intel/export-stix.js';
import { getIntelObject } from '../../../services/intel/get-intel-object.js';
import { importStix } from '../../../services/intel/import-stix.js';
import { listIntelObjects } from '../../../services/intel/list-intel-objects.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, ERROR_SHAPES, ZIdParamsSchema } from '../common.schema.js';
import { ZIntelObjectPageSchema, ZIntelObjectVersionsSchema, ZStixImportResultSchema } from './intel.response.js';
import { presentImportResult, presentIntelObjectSummary, presentIntelObjectVersion } from './stix.presenter.js';
import {
  ZIntelObjectListQuerySchema,
  ZStixExportQuerySchema,
  ZStixIdParamsSchema,
  ZStixImportQuerySchema,
} from './stix.schema.js';

/** Largest bundle accepted by upload; bigger files go through `crossline import stix`, which streams. */
export const STIX_UPLOAD_LIMIT = 32 * 1024 * 1024;
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

const splitTypes = (v: string | undefined): string[] | undefined => (v ? v.split(',') : undefined);

/** A bundle goes out as it is, in STIX's own media type: not one of the JSON answers the schemas describe. */
function sendBundle(reply: FastifyReply, body: Readable | string, headers: Record<string, string>): FastifyReply {
  void reply.header('content-type', STIX_MEDIA_TYPE);
  for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
  return reply.send(body);
}

export function stixRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['intel'];
    // In this plugin only: the bundle body is collected raw (JSON is parsed object by object by the
    // importer), and a body over the limit is refused with INTEL_STIX_TOO_LARGE before it is stored.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser(
      ['application/json', 'application/stix+json', 'application/octet-stream'],
      (_request, payload, done) => {
        const parts: Buffer[] = [];
        let size = 0;
        let failed = false;
        payload.on('data', (chunk: Buffer) => {
          if (failed) return;
          size += chunk.length;
          if (size > STIX_UPLOAD_LIMIT) {
            failed = true;
            done(new AppError('INTEL_STIX_TOO_LARGE', { details: { limit: STIX_UPLOAD_LIMIT } }), undefined);
            payload.resume();
            return;
          }
          parts.push(chunk);
        });
        payload.on('end', () => {
          if (!failed) done(null, Buffer.concat(parts));
        });
        payload.on('error', (err) => {
          if (!failed) {
            failed = true;
            done(err, undefined);
          }
        });
      },
    );

    app.post(
      '/intel/stix/import',
      {
        config: { permission: 'intel:write' },
        bodyLimit: STIX_UPLOAD_LIMIT + 1024,
        schema: {
          tags,
          querystring: ZStixImportQuerySchema,
          response: { ...answers(ZStixImportResultSchema), 413: ERROR_SHAPES[400] },
          summary: `Import a STIX 2.1 bundle (JSON, STIX or octet-stream body up to ${STIX_UPLOAD_LIMIT / 1024 / 1024} MB): valid objects stored, each invalid one reported`,
        },
      },
      async (request) => {
        const body = request.body;
        if (!Buffer.isBuffer(body))
          throw new AppError('INTEL_STIX_MALFORMED', {
            details: { expected: 'application/json or application/stix+json' },
          });
        const result = await importStix(
          ctx,
          (async function* one() {
            yield body;
          })(),
          {
            actor: actorOf(request),
            ...(request.query.collection ? { collection: request.query.collection } : {}),
            source: 'import',
            // One batch for the whole (size-limited) upload: a bundle that turns out malformed stores nothing.
            batchSize: Number.MAX_SAFE_INTEGER,
          },
        );
        return presentImportResult(result);
      },
    );

    app.get(
      '/intel/stix/export',
      {
        config: { permission: 'intel:read' },
        schema: {
          tags,
          querystring: ZStixExportQuerySchema,
          response: ERROR_SHAPES,
          summary: 'A collection as one STIX 2.1 bundle (streamed), optionally only some types',
        },
      },
      async (request, reply) => {
        const stream = await exportStix(ctx, {
          ...(request.query.collection ? { collection: request.query.collection } : {}),
          ...(request.query.type ? { types: splitTypes(request.query.type)! } : {}),
        });
        return sendBundle(reply, Readable.from(stream), {
          'content-disposition': 'attachment; filename="crossline-stix-bundle.json"',
        });
      },
    );

    app.get(
      '/intel/objects',
      {
        config: { permission: 'intel:read' },
        schema: {
          tags,
          querystring: ZIntelObjectListQuerySchema,
          response: answers(ZIntelObjectPageSchema),
          summary: 'STIX objects (latest version of each), filtered by type and text, newest first',
        },
      },
      async (request) => {
        const { type, collection, q, limit, offset } = request.query;
        const { items, total } = await listIntelObjects(ctx, {
          ...(type ? { types: splitTypes(type)! } : {}),
          ...(collection ? { collection } : {}),
          ...(q ? { q } : {}),
          limit,
          offset,
        });
        return { items: items.map(presentIntelObjectSummary), total, limit, offset };
      },
    );

    app.get(
      '/intel/objects/:id',
      {
        config: { permission: 'intel:read' },
        schema: {
          tags,
          params: ZStixIdParamsSchema,
          response: answers(ZIntelObjectVersionsSchema),
          summary: 'One STIX object with all its stored versions, newest first',
        },
      },
      async (request) => ({ versions: (await getIntelObject(ctx, request.params.id)).map(presentIntelObjectVersion) }),
    );

    app.get(
      '/cases/:id/stix',
      {
        config: { permission: 'case:read' },
        schema: {
          tags: ['cases', 'intel'],
          params: ZIdParamsSchema,
          response: ERROR_SHAPES,
          summary: "The case's observables as a STIX 2.1 bundle (SCOs, indicators, TLP markings)",
        },
      },
      async (request, reply) => {
        const { bundle, skipped } = await exportCaseStix(ctx, actorOf(request), request.params.id);
        return sendBundle(reply, JSON.stringify(bundle), { 'x-crossline-skipped-observables': String(skipped.length) });
      },
    );
  };
}
