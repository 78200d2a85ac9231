// Use case: rebuild the search index from the stores (after an upgrade, or for data written
// before the index existed): articles, cases, requests and public reports. Each kind is cleared and refilled in one transaction, page by page.
import type { ArticleRecord } from '../../domain/knowledge/article-types.js';
import type { CaseRecord } from '../../domain/case/index.js';
import type { RequestRecord } from '../../domain/request/index.js';
import type { PublicReportRecord } from '../../domain/public-report/types.js';
import { clearSearchKind, readSourcePage, type IndexedSource } from '../../storage/repositories/search-index.repository.js';
import type { ServiceContext } from '../context.js';
import { indexSearchDocuments } from './index-search-document.js';
import { articleDocument, caseDocument, reportDocument, requestDocument, type SearchDocument } from './search-documents.js';

const PAGE = 500;

const DOCUMENT_OF: Record<IndexedSource, (doc: never) => SearchDocument> = {
  article: (a: ArticleRecord) => articleDocument(a),
  case: (c: CaseRecord) => caseDocument(c),
  request: (r: RequestRecord) => requestDocument(r),
  report: (r: PublicReportRecord) => reportDocument(r),
};

export type ReindexProgress = (kind: IndexedSource, done: number) => void;

export async function reindexSearch(ctx: ServiceContext, onProgress?: ReindexProgress): Promise<Record<IndexedSource, number>> {
  const counts = { article: 0, case: 0, request: 0, report: 0 };
  for (const kind of Object.keys(DOCUMENT_OF) as IndexedSource[]) {
    counts[kind] = await ctx.db.transaction(async (tx) => {
      await clearSearchKind(tx, kind);
      let after = '';
      let done = 0;
      for (;;) {
        const page = await readSourcePage<never>(tx, kind, after, PAGE);
        if (page.length === 0) break;
        await indexSearchDocuments(tx, page.map((r) => DOCUMENT_OF[kind](r.doc)));
        done += page.length;
        after = page[page.length - 1]!.id;
        onProgress?.(kind, done);
      }
      return done;
    });
  }
  return counts;
}
