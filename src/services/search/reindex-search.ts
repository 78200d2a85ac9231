// Use case: rebuild the search index from the stores (after an upgrade, or for data written
// before the index existed): articles, cases, requests and public reports. Each kind is cleared and refilled in one transaction, page by page.
import type { ArticleRecord } from '../../domain/knowledge/article-types.js';
import type { CaseRecord } from '../../domain/case/index.js';
import type { RequestRecord } from '../../domain/request/index.js';
import type { PublicReportRecord } from '../../domain/public-report/types.js';
import {
  clearSearchKind,
  readSearchIndexVersion,
  readSourcePage,
  upsertSearchRows,
  writeSearchIndexVersion,
  type IndexedSource,
  type SourceRecords,
} from '../../storage/repositories/search-index.repository.js';
import type { Queryable } from '../../storage/db.js';
import type { ServiceContext } from '../context.js';
import { searchRowsOf } from './index-search-document.js';
import {
  articleDocument,
  caseDocument,
  reportDocument,
  requestDocument,
  type SearchDocument,
} from './search-documents.js';

const PAGE = 500;

/**
 * Version of what a search document holds (search-documents.ts). Raise it whenever that changes:
 * every node then rebuilds its index once, in the background, at its next start. 2: category and
 * request-type names in both languages, article bodies without markdown syntax.
 */
export const SEARCH_INDEX_VERSION = 2;

/** Advisory lock key: one process of a node rebuilds at a time. */
const REINDEX_LOCK = 7400003;

const DOCUMENT_OF: { [S in IndexedSource]: (doc: SourceRecords[S]) => SearchDocument } = {
  article: (a: ArticleRecord) => articleDocument(a),
  case: (c: CaseRecord) => caseDocument(c),
  request: (r: RequestRecord) => requestDocument(r),
  report: (r: PublicReportRecord) => reportDocument(r),
};

const SOURCE_ORDER: readonly IndexedSource[] = ['article', 'case', 'request', 'report'];

/**
 * Clears one kind's index rows and refills them page by page, in the caller's transaction. The next
 * page is read before the current one is written, so the node tokenises it while the database
 * writes (two cores busy instead of one in turn; docs/performance.md, "Search indexing (7 Dec)").
 */
async function reindexKind<S extends IndexedSource>(
  tx: Queryable,
  kind: S,
  onProgress?: ReindexProgress,
  signal?: AbortSignal,
): Promise<number> {
  await clearSearchKind(tx, kind);
  const toDocument = DOCUMENT_OF[kind];
  let page = await readSourcePage(tx, kind, '', PAGE);
  let rows = searchRowsOf(page.map((r) => toDocument(r.doc)));
  let done = 0;
  while (page.length > 0) {
    // A stopping node abandons the rebuild: this kind's transaction rolls back, the old rows stay.
    signal?.throwIfAborted();
    const next = await readSourcePage(tx, kind, page[page.length - 1]!.id, PAGE);
    const writing = upsertSearchRows(tx, rows);
    // Awaited below; this only keeps a failure from being reported as unhandled while tokenising.
    writing.catch(() => undefined);
    const nextRows = searchRowsOf(next.map((r) => toDocument(r.doc)));
    await writing;
    done += page.length;
    onProgress?.(kind, done);
    page = next;
    rows = nextRows;
  }
  return done;
}

export type ReindexProgress = (kind: IndexedSource, done: number) => void;

export async function reindexSearch(
  ctx: ServiceContext,
  onProgress?: ReindexProgress,
  signal?: AbortSignal,
): Promise<Record<IndexedSource, number>> {
  const counts = { article: 0, case: 0, request: 0, report: 0 };
  for (const kind of SOURCE_ORDER)
    counts[kind] = await ctx.db.transaction((tx) => reindexKind(tx, kind, onProgress, signal));
  await writeSearchIndexVersion(ctx.db, SEARCH_INDEX_VERSION);
  return counts;
}

/**
 * Rebuilds the index when it was built by older rules (SEARCH_INDEX_VERSION), once per node: the
 * process that takes the lock rebuilds, the others skip. Returns whether it rebuilt.
 */
export async function reindexIfOutdated(ctx: ServiceContext, signal?: AbortSignal): Promise<boolean> {
  if ((await readSearchIndexVersion(ctx.db)) >= SEARCH_INDEX_VERSION) return false;
  const session = await ctx.db.session();
  try {
    const [row] = await session.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [REINDEX_LOCK]);
    if (!row?.got) return false;
    if ((await readSearchIndexVersion(ctx.db)) >= SEARCH_INDEX_VERSION) return false;
    const started = Date.now();
    const counts = await reindexSearch(ctx, undefined, signal);
    ctx.logger.info(
      { ...counts, seconds: (Date.now() - started) / 1000, version: SEARCH_INDEX_VERSION },
      'search index rebuilt for new indexing rules',
    );
    return true;
  } finally {
    await session.close(); // ends the session, and with it the lock
  }
}
