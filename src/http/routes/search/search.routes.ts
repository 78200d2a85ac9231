// Full-text search (docs/spec.md §7.1): articles, cases, requests and public reports the caller may see,
// ranked, with highlighted snippets returned as plain-text pieces (never HTML).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../../services/context.js';
import { searchRecords } from '../../../services/search/search-records.js';
import type { SearchKind } from '../../../domain/search/search-kinds.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, itemsOf, splitList } from '../common.schema.js';
import { ZSearchResultSchema } from './search.response.js';
import { ZSearchQuerySchema } from './search.schema.js';

export function searchRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/search',
      {
        config: { permission: 'knowledge:read' },
        schema: {
          tags: ['search'],
          querystring: ZSearchQuerySchema,
          response: answers(itemsOf(ZSearchResultSchema)),
          summary: 'Search Chinese and English text; `a b` = both, `a OR b` = either, `-a` = without',
        },
      },
      async (request) => {
        const { q, kinds, limit } = request.query;
        const items = await searchRecords(ctx, actorOf(request), { q, kinds: splitList<SearchKind>(kinds), limit });
        return { items };
      },
    );
  };
}
