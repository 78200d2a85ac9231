// Query shape of the search route.
import { z } from 'zod';
import { SEARCH_KINDS } from '../../../domain/search/search-kinds.js';
import { commaList } from '../common.schema.js';

export const ZSearchQuerySchema = z.object({
  q: z.string().min(1).max(500),
  kinds: commaList(SEARCH_KINDS, 'record kinds (article, case, request, report)'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
