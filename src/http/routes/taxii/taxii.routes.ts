// The TAXII 2.1 server (docs/spec.md §5.2), mounted at /taxii2/ outside /api: discovery, API roots
// (/taxii2/<root>/: 'api' by default, others named by the collections an admin places there),
// collections, objects, manifest, versions and status. Its own content negotiation, authentication
// (Bearer or Basic with an API token) and TAXII-shaped errors live in this plugin.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../errors.js';
import { parseTaxiiFilters, type TaxiiFilters } from '../../../intel/taxii/filters.js';
import { acceptsTaxii, isTaxiiContentType, TAXII_MEDIA_TYPE } from '../../../intel/taxii/media-types.js';
import type { ServiceContext } from '../../../services/context.js';
import { API_ROOT_NAME, DEFAULT_API_ROOT } from '../../../intel/taxii/access.js';
import {
  listTaxiiApiRoots,
  listTaxiiCollections,
  requireTaxiiApiRoot,
  requireTaxiiCollection,
} from '../../../services/intel/taxii-collection-access.js';
import { deleteTaxiiObject } from '../../../services/intel/taxii-delete-object.js';
import { getTaxiiStatus } from '../../../services/intel/taxii-get-status.js';
import { addTaxiiObjects } from '../../../services/intel/taxii-add-objects.js';
import { readTaxiiPage, type TaxiiPage } from '../../../services/intel/taxii-read-objects.js';
import { resolveTaxiiCaller, type TaxiiCaller } from '../../../services/intel/taxii-viewer.js';
import { registerTaxiiErrors } from './taxii-errors.js';
import {
  API_ROOT_VERSIONS,
  presentCollection,
  presentEnvelope,
  presentManifest,
  presentStatus,
  presentVersions,
} from './taxii.presenters.js';

export const TAXII_PREFIX = '/taxii2';
/** The default API root's path segment (every node has it). */
export const TAXII_API_ROOT = DEFAULT_API_ROOT;
/** Largest POST body the API root takes (advertised as max_content_length). */
export const TAXII_MAX_CONTENT_LENGTH = 10 * 1024 * 1024;

type RootParams = { root: string };
type CollectionParams = RootParams & { id: string };
type ObjectParams = CollectionParams & { objectId: string };

declare module 'fastify' {
  interface FastifyRequest {
    taxii?: TaxiiCaller;
  }
}

function send(reply: FastifyReply, body: unknown, page?: TaxiiPage): FastifyReply {
  if (page?.firstAdded && page.lastAdded) {
    void reply.header('X-TAXII-Date-Added-First', page.firstAdded).header('X-TAXII-Date-Added-Last', page.lastAdded);
  }
  // A Buffer keeps the media type exactly as TAXII spells it (a string would get parameters rewritten).
  return reply.header('content-type', TAXII_MEDIA_TYPE).send(Buffer.from(JSON.stringify(body)));
}

function filtersOf(request: FastifyRequest): TaxiiFilters {
  const parsed = parseTaxiiFilters(request.query as Record<string, string | string[] | undefined>);
  if (!parsed.ok)
    throw new AppError('INTEL_TAXII_BAD_FILTER', { details: { parameter: parsed.parameter, reason: parsed.reason } });
  return parsed.filters;
}

function callerOf(request: FastifyRequest): TaxiiCaller {
  if (!request.taxii) throw new AppError('INTEL_TAXII_UNAUTHENTICATED');
  return request.taxii;
}

/**
 * The API root named in the URL, if it can be one (else a TAXII 404). Whether the caller may know
 * of it is checked by the service each route calls (with the collection it loads anyway).
 */
function rootOf(request: FastifyRequest<{ Params: RootParams }>): string {
  const { root } = request.params;
  if (!API_ROOT_NAME.test(root))
    throw new AppError('INTEL_TAXII_NOT_FOUND', { details: { url: request.url.split('?')[0] } });
  return root;
}

function baseUrl(ctx: ServiceContext, request: FastifyRequest): string {
  return (ctx.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
}

export function taxiiRoutes(ctx: ServiceContext): FastifyPluginAsync {
  return async (app) => {
    registerTaxiiErrors(app);
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      'application/taxii+json',
      { parseAs: 'string', bodyLimit: TAXII_MAX_CONTENT_LENGTH },
      (_r, body, done) => {
        try {
          done(null, JSON.parse(body as string));
        } catch {
          done(new AppError('INTEL_TAXII_BAD_ENVELOPE', { details: { reason: 'not JSON' } }), undefined);
        }
      },
    );
    app.addContentTypeParser('*', (_r, _payload, done) =>
      done(new AppError('INTEL_TAXII_UNSUPPORTED_MEDIA_TYPE', { details: { expected: TAXII_MEDIA_TYPE } }), undefined),
    );

    app.addHook('onRequest', async (request) => {
      if (!acceptsTaxii(request.headers.accept))
        throw new AppError('INTEL_TAXII_NOT_ACCEPTABLE', { details: { expected: TAXII_MEDIA_TYPE } });
      // Discovery is public (anonymously it names the default API root only; with credentials, every
      // root holding a collection the caller can see); everything below needs credentials.
      const path = request.url.split('?')[0] ?? '';
      if ((path === TAXII_PREFIX || path === `${TAXII_PREFIX}/`) && !request.headers.authorization) return;
      request.taxii = await resolveTaxiiCaller(ctx, request.headers.authorization);
    });

    const root = '/:root';
    const hide = { hide: true };

    app.get('/', { schema: hide }, async (request, reply) => {
      const url = (name: string) => `${baseUrl(ctx, request)}${TAXII_PREFIX}/${name}/`;
      return send(reply, {
        title: `${ctx.config.nodeName.en} TAXII`,
        description: `TAXII 2.1 server of Crossline node ${ctx.config.nodeId} (${ctx.config.nodeName.zh})`,
        default: url(TAXII_API_ROOT),
        api_roots: (await listTaxiiApiRoots(ctx, request.taxii?.viewer ?? null)).map(url),
      });
    });

    app.get<{ Params: RootParams }>(`${root}/`, { schema: hide }, async (request, reply) => {
      const name = rootOf(request);
      await requireTaxiiApiRoot(ctx, callerOf(request).viewer, name);
      return send(reply, {
        title:
          name === TAXII_API_ROOT
            ? `${ctx.config.nodeName.en} — threat intelligence`
            : `${ctx.config.nodeName.en} — ${name}`,
        description:
          name === TAXII_API_ROOT
            ? 'Collections of STIX 2.1 objects shared by this node.'
            : `Collections of STIX 2.1 objects shared by this node under the API root "${name}".`,
        versions: API_ROOT_VERSIONS,
        max_content_length: TAXII_MAX_CONTENT_LENGTH,
      });
    });

    app.get<{ Params: RootParams }>(`${root}/collections/`, { schema: hide }, async (request, reply) => {
      const collections = await listTaxiiCollections(ctx, callerOf(request).viewer, rootOf(request));
      return send(reply, collections.length ? { collections: collections.map(presentCollection) } : {});
    });

    app.get<{ Params: CollectionParams }>(`${root}/collections/:id/`, { schema: hide }, async (request, reply) => {
      return send(
        reply,
        presentCollection(
          await requireTaxiiCollection(ctx, callerOf(request).viewer, rootOf(request), request.params.id, 'see'),
        ),
      );
    });

    app.get<{ Params: CollectionParams }>(
      `${root}/collections/:id/objects/`,
      { schema: hide },
      async (request, reply) => {
        const { viewer } = callerOf(request);
        const filters = filtersOf(request);
        const collection = await requireTaxiiCollection(ctx, viewer, rootOf(request), request.params.id, 'read');
        const page = await readTaxiiPage(ctx, viewer, collection, filters);
        return send(reply, presentEnvelope(page), page);
      },
    );

    app.post<{ Params: CollectionParams }>(
      `${root}/collections/:id/objects/`,
      {
        schema: hide,
        bodyLimit: TAXII_MAX_CONTENT_LENGTH,
      },
      async (request, reply) => {
        if (!isTaxiiContentType(request.headers['content-type'])) {
          throw new AppError('INTEL_TAXII_UNSUPPORTED_MEDIA_TYPE', { details: { expected: TAXII_MEDIA_TYPE } });
        }
        const caller = callerOf(request);
        const collection = await requireTaxiiCollection(
          ctx,
          caller.viewer,
          rootOf(request),
          request.params.id,
          'write',
        );
        const status = await addTaxiiObjects(ctx, caller, collection, request.body);
        return send(reply.status(202), presentStatus(status));
      },
    );

    app.get<{ Params: ObjectParams }>(
      `${root}/collections/:id/objects/:objectId/`,
      { schema: hide },
      async (request, reply) => {
        const { viewer } = callerOf(request);
        const filters = filtersOf(request);
        const collection = await requireTaxiiCollection(ctx, viewer, rootOf(request), request.params.id, 'read');
        const page = await readTaxiiPage(ctx, viewer, collection, {
          ...filters,
          ids: [request.params.objectId],
          types: undefined,
        });
        if (!page.rows.length && !filters.next && !filters.addedAfter)
          throw new AppError('INTEL_TAXII_OBJECT_NOT_FOUND', { details: { id: request.params.objectId } });
        return send(reply, presentEnvelope(page), page);
      },
    );

    app.delete<{ Params: ObjectParams }>(
      `${root}/collections/:id/objects/:objectId/`,
      { schema: hide },
      async (request, reply) => {
        const caller = callerOf(request);
        const filters = filtersOf(request);
        const collection = await requireTaxiiCollection(
          ctx,
          caller.viewer,
          rootOf(request),
          request.params.id,
          'write',
        );
        if (!collection.canRead) throw new AppError('INTEL_TAXII_FORBIDDEN', { details: { need: 'can_read' } });
        await deleteTaxiiObject(ctx, caller.actor, caller.viewer, collection, request.params.objectId, filters);
        return send(reply, {});
      },
    );

    app.get<{ Params: ObjectParams }>(
      `${root}/collections/:id/objects/:objectId/versions/`,
      { schema: hide },
      async (request, reply) => {
        const { viewer } = callerOf(request);
        const filters = filtersOf(request);
        const collection = await requireTaxiiCollection(ctx, viewer, rootOf(request), request.params.id, 'read');
        const page = await readTaxiiPage(ctx, viewer, collection, {
          ...filters,
          ids: [request.params.objectId],
          types: undefined,
          versions: { all: true, first: false, last: false, at: [] },
        });
        if (!page.rows.length && !filters.next && !filters.addedAfter) {
          throw new AppError('INTEL_TAXII_OBJECT_NOT_FOUND', { details: { id: request.params.objectId } });
        }
        return send(reply, presentVersions(page), page);
      },
    );

    app.get<{ Params: CollectionParams }>(
      `${root}/collections/:id/manifest/`,
      { schema: hide },
      async (request, reply) => {
        const { viewer } = callerOf(request);
        const filters = filtersOf(request);
        const collection = await requireTaxiiCollection(ctx, viewer, rootOf(request), request.params.id, 'read');
        const page = await readTaxiiPage(ctx, viewer, collection, filters);
        return send(reply, presentManifest(page), page);
      },
    );

    // Anything else under /taxii2 is a TAXII 404 (not the web app's fallback page).
    app.all('/*', { schema: hide }, async (request) => {
      throw new AppError('INTEL_TAXII_NOT_FOUND', { details: { url: request.url.split('?')[0] } });
    });

    app.get<{ Params: RootParams & { statusId: string } }>(
      `${root}/status/:statusId/`,
      { schema: hide },
      async (request, reply) => {
        const name = rootOf(request);
        await requireTaxiiApiRoot(ctx, callerOf(request).viewer, name);
        return send(
          reply,
          presentStatus(await getTaxiiStatus(ctx, callerOf(request).viewer, name, request.params.statusId)),
        );
      },
    );
  };
}
