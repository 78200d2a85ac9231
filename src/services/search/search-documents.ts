// What each kind of record contributes to the search index: a title, a body and the facts that
// decide who may see a hit. Pure mapping; indexSearchDocument writes it.
import type { ArticleRecord } from '../../domain/knowledge/article-types.js';
import type { CaseRecord } from '../../domain/case/index.js';
import type { RequestRecord } from '../../domain/request/index.js';
import { REPORT_CATEGORY_LABELS, type PublicReportRecord } from '../../domain/public-report/types.js';
import { CRIME_CATEGORY_LABELS } from '../../domain/case/index.js';
import { REQUEST_TYPE_LABELS } from '../../domain/request/labels.js';
import { plainTextOfMarkdown } from '../../domain/search/plain-text.js';
import type { SearchRow } from '../../storage/repositories/search-index.repository.js';

/** An index row before its tsvector is built (indexSearchDocument builds it). */
export type SearchDocument = Omit<SearchRow, 'vector'>;

const join = (...parts: (string | null | undefined)[]) =>
  parts
    .map((p) => (p ?? '').trim())
    .filter(Boolean)
    .join('\n');
const both = (b: { en: string; zh: string }) => join(b.zh, b.en);
const plain = (b: { en: string; zh: string }) => join(plainTextOfMarkdown(b.zh), plainTextOfMarkdown(b.en));

export function articleDocument(a: ArticleRecord): SearchDocument {
  return {
    kind: 'article',
    refId: a.id,
    title: join(a.title.zh, a.title.en),
    body: join(both(a.summary), plain(a.body), a.tags.join(' ')),
    memberIds: null,
    status: a.status,
    tlp: a.tlp,
    updatedAt: a.updatedAt,
  };
}

export function caseDocument(c: CaseRecord): SearchDocument {
  return {
    // Categories by their names in both languages, so "网络诈骗" or "online fraud" finds the case.
    kind: 'case',
    refId: c.id,
    title: join(c.reference, c.title.zh, c.title.en),
    body: join(both(c.summary), ...c.crimeCategories.map((k) => both(CRIME_CATEGORY_LABELS[k]))),
    memberIds: c.members.map((m) => m.userId),
    status: c.status,
    tlp: c.tlp,
    updatedAt: c.updatedAt,
  };
}

export function requestDocument(r: RequestRecord): SearchDocument {
  return {
    kind: 'request',
    refId: r.id,
    title: join(r.reference, r.subject.zh, r.subject.en),
    body: join(
      both(REQUEST_TYPE_LABELS[r.type]),
      r.crimeCategory ? both(CRIME_CATEGORY_LABELS[r.crimeCategory]) : null,
      r.caseRef,
      r.facts,
      r.dataRequested,
      r.requestingParty,
      r.requestedParty,
    ),
    memberIds: null,
    status: r.status,
    tlp: null,
    updatedAt: r.updatedAt,
  };
}

/** A public report: what the victim wrote and the suspect's contacts (triage:read holders only). */
export function reportDocument(r: PublicReportRecord): SearchDocument {
  const s = r.suspect;
  return {
    kind: 'report',
    refId: r.id,
    title: join(r.receipt, both(REPORT_CATEGORY_LABELS[r.category])),
    body: join(
      r.narrative,
      ...s.phones,
      ...s.urls,
      ...s.handles,
      ...s.emails,
      ...r.payments.map((p) => join(p.platform, p.account, p.wallet)),
    ),
    memberIds: null,
    status: r.status,
    tlp: null,
    updatedAt: r.updatedAt,
  };
}
