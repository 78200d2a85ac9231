// What the search route answers with (a zod schema Fastify serialises through; the OpenAPI document
// and the web client's types come from it): snippets are plain-text pieces, never HTML.
import { z } from 'zod';
import { SEARCH_KINDS } from '../../../domain/search/search-kinds.js';

const ZSnippetSchema = z
  .object({
    pieces: z.array(z.object({ text: z.string(), hit: z.boolean() })),
    cutStart: z.boolean(),
    cutEnd: z.boolean(),
  })
  .meta({ id: 'Snippet' });

export const ZSearchResultSchema = z
  .object({
    kind: z.enum(SEARCH_KINDS),
    id: z.string(),
    title: z.string(),
    titleHighlight: ZSnippetSchema,
    snippet: ZSnippetSchema,
    rank: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SearchResult' });
