// Use case: full-text search over what the user may see — knowledge articles (knowledge:read),
// cases they are a member of, requests (request:read) and public reports (triage:read) — ranked,
// with a highlighted snippet per hit. Exercise requests never appear.
import { AppError } from '../../errors.js';
import { highlightTerms, isEmptyQuery, parseQuery, toTsQuery } from '../../domain/search/query.js';
import { buildSnippet, type Snippet } from '../../domain/search/snippet.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { rolesHave, type Permission } from '../../domain/user/permissions.js';
import { searchIndex, SEARCH_KINDS, type SearchKind } from '../../storage/repositories/search-index.repository.js';
import { casesShownTo } from '../case/case-visibility.js';
import type { ServiceContext } from '../context.js';

const KIND_PERMISSION: Record<SearchKind, Permission> = {
  article: 'knowledge:read',
  case: 'case:read',
  request: 'request:read',
  report: 'triage:read',
};

export type SearchQuery = { q: string; kinds?: SearchKind[]; limit: number };
export type SearchResult = {
  kind: SearchKind;
  id: string;
  title: string;
  titleHighlight: Snippet;
  snippet: Snippet;
  rank: number;
  updatedAt: string;
};

export async function searchRecords(
  ctx: ServiceContext,
  actor: UserActor,
  query: SearchQuery,
): Promise<SearchResult[]> {
  const parsed = parseQuery(query.q);
  if (isEmptyQuery(parsed)) throw new AppError('SEARCH_QUERY_EMPTY');
  const wanted = query.kinds?.length ? query.kinds : [...SEARCH_KINDS];
  const kinds = wanted.filter((k) => rolesHave(actor.roles, KIND_PERMISSION[k]));
  if (kinds.length === 0) return [];
  const tsquery = toTsQuery(parsed);
  const scope = { kinds, userId: actor.userId, canSeeDrafts: rolesHave(actor.roles, 'knowledge:edit') };
  // A page of common words comes from the most recent records; a query with a selective word from
  // the whole index (searchIndex).
  const found = await searchIndex(ctx.db, tsquery, scope, query.limit);
  // The SQL filter keeps to cases the user is a member of (for speed); each case hit is then checked
  // by the case page's own rule (caseAccess), so search never names a case the page would not show.
  const caseIds = found.filter((h) => h.kind === 'case').map((h) => h.refId);
  const shown = caseIds.length ? await casesShownTo(ctx.db, actor, caseIds) : new Set<string>();
  const hits = found.filter((h) => h.kind !== 'case' || shown.has(h.refId));
  const terms = highlightTerms(parsed);
  return hits.map((h) => ({
    kind: h.kind,
    id: h.refId,
    title: h.title.split('\n')[0] ?? h.title,
    titleHighlight: buildSnippet(h.title.replace(/\n/g, ' · '), terms, 300),
    snippet: buildSnippet(h.body.replace(/\n+/g, ' '), terms),
    rank: h.rank,
    updatedAt: h.updatedAt,
  }));
}
