// SQL for the full-text index: one row per searchable record with a pre-built weighted tsvector,
// queried with a GIN index and ranked by ts_rank; visibility is filtered in the same query.
import type { CaseRecord } from '../../domain/case/index.js';
import type { ArticleRecord } from '../../domain/knowledge/article-types.js';
import type { PublicReportRecord } from '../../domain/public-report/types.js';
import type { RequestRecord } from '../../domain/request/types.js';
import type { Queryable } from '../db.js';
import { CASES } from './case.repository.js';
import { decodeDocument, type DocumentKind } from './document-codec.js';
import type { GatedWrite } from './gated-write.js';
import { ARTICLES } from './knowledge.repository.js';
import { PUBLIC_REPORTS } from './public-report.repository.js';
import { REQUESTS } from './request.repository.js';

import { SEARCH_KINDS, type SearchKind } from '../../domain/search/search-kinds.js';

export { SEARCH_KINDS, type SearchKind };

export type SearchRow = {
  kind: SearchKind;
  refId: string;
  title: string;
  body: string;
  memberIds: string[] | null;
  status: string;
  tlp: string | null;
  updatedAt: string;
  /** tsvector literal (src/domain/search/tsvector.ts). */
  vector: string;
};

const COLS = 'kind, ref_id, title, body, member_ids, status, tlp, updated_at, vec';
const UPSERT_SET = `title = EXCLUDED.title, body = EXCLUDED.body, member_ids = EXCLUDED.member_ids,
       status = EXCLUDED.status, tlp = EXCLUDED.tlp, updated_at = EXCLUDED.updated_at, vec = EXCLUDED.vec`;

/** A text[] literal (`{"a","b"}`), so a row's array can travel as one element of a text[] parameter. */
function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

// One statement per batch whatever its size: each column travels as one array parameter and
// unnest() turns them back into rows. Against a multi-row VALUES list of 9 parameters per row it is
// one text (prepared once per connection, docs/performance.md "Search indexing (7 Dec)") and the
// server plans 9 parameters instead of 4,500 for a batch of 500.
const UPSERT_ROWS = `INSERT INTO search_documents (${COLS})
     SELECT kind, ref_id, title, body, member_ids::text[], status, tlp, updated_at, vec::tsvector
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::text[])
       AS r(kind, ref_id, title, body, member_ids, status, tlp, updated_at, vec)
     ON CONFLICT (kind, ref_id) DO UPDATE SET ${UPSERT_SET}`;

export async function upsertSearchRows(tx: Queryable, rows: readonly SearchRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns: unknown[][] = [[], [], [], [], [], [], [], [], []];
  for (const r of rows) {
    columns[0]!.push(r.kind);
    columns[1]!.push(r.refId);
    columns[2]!.push(r.title);
    columns[3]!.push(r.body);
    columns[4]!.push(r.memberIds ? textArrayLiteral(r.memberIds) : null);
    columns[5]!.push(r.status);
    columns[6]!.push(r.tlp);
    columns[7]!.push(r.updatedAt);
    columns[8]!.push(r.vector);
  }
  await tx.query(UPSERT_ROWS, columns);
}

/**
 * One record's search row as a rider of the statement that writes the record (gated-write.ts):
 * written only when the record was, in the same round trip.
 */
export function searchRowRider(r: SearchRow): GatedWrite {
  return (gate, first) => {
    const p = (i: number) => `$${first + i}`;
    return {
      sql: `INSERT INTO search_documents (${COLS})
       SELECT ${p(0)}::text, ${p(1)}::text, ${p(2)}::text, ${p(3)}::text, ${p(4)}::text[], ${p(5)}::text, ${p(6)}::text, ${p(7)}::timestamptz, ${p(8)}::tsvector FROM ${gate}
       ON CONFLICT (kind, ref_id) DO UPDATE SET ${UPSERT_SET}`,
      params: [r.kind, r.refId, r.title, r.body, r.memberIds, r.status, r.tlp, r.updatedAt, r.vector],
    };
  };
}

export async function deleteSearchRow(tx: Queryable, kind: SearchKind, refId: string): Promise<void> {
  await tx.query('DELETE FROM search_documents WHERE kind = $1 AND ref_id = $2', [kind, refId]);
}

export async function clearSearchKind(tx: Queryable, kind: SearchKind): Promise<void> {
  await tx.query('DELETE FROM search_documents WHERE kind = $1', [kind]);
}

/** Who is asking, reduced to what the SQL filter needs. */
export type SearchScope = {
  kinds: SearchKind[];
  userId: string;
  /** Article drafts are shown to editors only. */
  canSeeDrafts: boolean;
};

export type SearchHit = {
  kind: SearchKind;
  refId: string;
  title: string;
  body: string;
  rank: number;
  updatedAt: string;
};

type HitRow = {
  kind: SearchKind;
  ref_id: string;
  title: string;
  body: string;
  rank: number;
  updated_at: Date | string;
};

/** Who may see a document, as SQL over `d` ($2 kinds, $3 user id, $4 may see drafts). Exercise requests never show. */
const VISIBLE = `d.kind = ANY($2::text[])
         AND (d.kind <> 'case' OR d.member_ids @> ARRAY[$3]::text[])
         AND (d.kind <> 'article' OR d.status <> 'draft' OR $4::boolean)
         AND NOT (d.kind = 'request' AND EXISTS (SELECT 1 FROM requests r WHERE r.id = d.ref_id AND r.exercise_id IS NOT NULL))`;

/** Ranks the candidates ($1 the query, $5 the page size); `matched` counts all candidates. */
const RANKED = `SELECT c.kind, c.ref_id, c.title, c.body, c.updated_at, ts_rank('{0.1, 0.2, 0.4, 1.0}', c.vec, q.q) AS rank,
            count(*) OVER () AS matched
     FROM candidates c, q
     ORDER BY rank DESC, c.updated_at DESC, c.ref_id
     LIMIT $5`;

function toHits(rows: HitRow[]): SearchHit[] {
  return rows.map((r) => ({
    kind: r.kind,
    refId: r.ref_id,
    title: r.title,
    body: r.body,
    rank: Number(r.rank),
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/**
 * Ranks the matches among the `window` most recently updated documents, read in recency order
 * (a fixed, small cost whatever the words). A query made only of very common words matches a
 * large share of a million records, and intersecting their huge GIN posting lists is what made such
 * queries slow; the most recent of their matches are also what an officer looking for them wants.
 * `matched` says how many matches the window held, so the caller can tell whether it was enough.
 */
export async function searchRecentRows(
  db: Queryable,
  tsquery: string,
  scope: SearchScope,
  limit: number,
  window: number,
): Promise<{ hits: SearchHit[]; matched: number }> {
  const rows = await db.query<HitRow & { matched: number | string }>(
    `WITH q AS (SELECT $1::tsquery AS q),
     recent AS (SELECT * FROM search_documents ORDER BY updated_at DESC LIMIT $6),
     candidates AS (SELECT d.kind, d.ref_id, d.title, d.body, d.updated_at, d.vec FROM recent d, q WHERE d.vec @@ q.q AND ${VISIBLE})
     ${RANKED}`,
    [tsquery, scope.kinds, scope.userId, scope.canSeeDrafts, limit, window],
  );
  return { hits: toHits(rows), matched: Number(rows[0]?.matched ?? 0) };
}

/**
 * Matches through the GIN index over the whole index, then ranks at most `candidateCap` of them:
 * for queries with at least one selective word, where the index is fast.
 */
export async function searchRows(
  db: Queryable,
  tsquery: string,
  scope: SearchScope,
  limit: number,
  candidateCap = 2000,
): Promise<SearchHit[]> {
  const rows = await db.query<HitRow>(
    `WITH q AS (SELECT $1::tsquery AS q),
     candidates AS (
       SELECT d.kind, d.ref_id, d.title, d.body, d.updated_at, d.vec
       FROM search_documents d, q
       WHERE d.vec @@ q.q AND ${VISIBLE}
       LIMIT $6
     )
     ${RANKED}`,
    [tsquery, scope.kinds, scope.userId, scope.canSeeDrafts, limit, candidateCap],
  );
  return toHits(rows);
}

/** The recency window read before the whole index (see searchRecentRows). */
export const RECENT_WINDOW = 10_000;
/** The share of the window read first: most queries of common words fill a page from it. */
const PROBE_SHARE = 5;
/**
 * The search strategy: the most recent records answer when their matches fill the page (`limit`
 * matches); else the query has a selective word, and the GIN index, fast for such a word, searches
 * everything. The window is read in two steps: first its newest fifth (a page of common words is
 * usually there, at a fifth of the cost); when that holds too few matches, their density says whether
 * the whole window could fill the page — if it clearly could not, reading it is skipped for the whole
 * index (a rare word paid both before; docs/performance.md "Search at 1,000,000").
 * Tried: running both at once on two connections — on two cores they only compete (p50 doubled, p95
 * unchanged).
 */
export async function searchIndex(
  db: Queryable,
  tsquery: string,
  scope: SearchScope,
  limit: number,
  window = RECENT_WINDOW,
): Promise<SearchHit[]> {
  const probeWindow = Math.max(limit, Math.ceil(window / PROBE_SHARE));
  const probe = await searchRecentRows(db, tsquery, scope, limit, probeWindow);
  if (probe.matched >= limit) return probe.hits;
  // Matches the whole window should hold at the probe's density; only when that is well short of a
  // page (under half: a count this small is rough) is the window skipped.
  if (probeWindow < window && 2 * probe.matched * (window / probeWindow) >= limit) {
    const recent = await searchRecentRows(db, tsquery, scope, limit, window);
    if (recent.matched >= limit) return recent.hits;
  }
  return searchRows(db, tsquery, scope, limit);
}

/** The document kind of each indexed source (its table, schema and upgrades). */
export type SourceRecords = {
  article: ArticleRecord;
  case: CaseRecord;
  request: RequestRecord;
  report: PublicReportRecord;
};
export type IndexedSource = keyof SourceRecords;
const SOURCES: { [S in IndexedSource]: DocumentKind<SourceRecords[S]> } = {
  article: ARTICLES,
  case: CASES,
  request: REQUESTS,
  report: PUBLIC_REPORTS,
};

/** One page of a source table's documents in id order (for a full re-index). */
export async function readSourcePage<S extends IndexedSource>(
  db: Queryable,
  source: S,
  afterId: string,
  limit: number,
): Promise<{ id: string; doc: SourceRecords[S] }[]> {
  const kind = SOURCES[source];
  const rows = await db.query<{ id: string; doc: unknown }>(
    `SELECT id, doc FROM ${kind.table} WHERE id > $1 ORDER BY id LIMIT $2`,
    [afterId, limit],
  );
  return rows.map((r) => ({ id: r.id, doc: decodeDocument(kind, r.doc, r.id) }));
}

const INDEX_VERSION_KEY = 'search.index_version';

/** The version of the rules the stored index was built with (0: built before versions were kept). */
export async function readSearchIndexVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ value: number }>(`SELECT value FROM node_settings WHERE key = $1`, [
    INDEX_VERSION_KEY,
  ]);
  return typeof row?.value === 'number' ? row.value : 0;
}

export async function writeSearchIndexVersion(db: Queryable, version: number): Promise<void> {
  await db.query(
    `INSERT INTO node_settings (key, value) VALUES ($1, to_jsonb($2::int)) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [INDEX_VERSION_KEY, version],
  );
}
