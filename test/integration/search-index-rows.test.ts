// The search index's batch write (one INSERT … SELECT FROM unnest per batch, 7 Dec) on both stores:
// every column arrives as written, case members with characters an array literal must escape
// included, a second write of a record updates its row, and batches larger than a re-index page work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTsVector } from '../../src/domain/search/tsvector.js';
import { indexSearchDocuments } from '../../src/services/search/index-search-document.js';
import type { SearchDocument } from '../../src/services/search/search-documents.js';
import { searchIndex } from '../../src/storage/repositories/search-index.repository.js';
import { createTestContext, STORES, type TestContext } from '../support/test-context.js';

const AWKWARD_MEMBERS = ['a"b', 'c\\d', 'e,f', '{g}', 'NULL', ' h ', '诈骗'];

const doc = (refId: string, over: Partial<SearchDocument> = {}): SearchDocument => ({
  kind: 'case',
  refId,
  title: `电信网络诈骗案 ${refId} it's a "case"`,
  body: 'Victims transferred funds to a USDT wallet; 受害人转账至虚拟货币钱包。\\ backslash',
  memberIds: ['officer-1'],
  status: 'open',
  tlp: 'AMBER',
  updatedAt: '2026-12-07T08:00:00.000Z',
  ...over,
});

type Row = { ref_id: string; title: string; member_ids: string[] | null; tlp: string | null };

describe.each(STORES)('search index rows (%s)', (store) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(store);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('writes every column of a batch as given, arrays that need escaping included', async () => {
    const docs = [
      doc('c-1', { memberIds: AWKWARD_MEMBERS }),
      doc('c-2', { memberIds: [] }),
      doc('c-3', { kind: 'article', memberIds: null, tlp: null, status: 'published' }),
    ];
    await t.ctx.db.transaction((tx) => indexSearchDocuments(tx, docs));
    const rows = await t.ctx.db.query<Row & { kind: string; body: string; status: string; updated_at: Date }>(
      `SELECT kind, ref_id, title, body, member_ids, status, tlp, updated_at
       FROM search_documents WHERE ref_id = ANY($1::text[]) ORDER BY ref_id`,
      [docs.map((d) => d.refId)],
    );
    expect(rows.map((r) => [r.kind, r.ref_id, r.title, r.body, r.member_ids, r.status, r.tlp])).toEqual(
      docs.map((d) => [d.kind, d.refId, d.title, d.body, d.memberIds, d.status, d.tlp]),
    );
    expect(rows.map((r) => new Date(r.updated_at).toISOString())).toEqual(docs.map((d) => d.updatedAt));
    // The stored vector is the node's literal, lexeme for lexeme.
    for (const d of docs) {
      const [row] = await t.ctx.db.query<{ same: boolean }>(
        'SELECT vec = $2::tsvector AS same FROM search_documents WHERE kind = $1 AND ref_id = $3',
        [
          d.kind,
          buildTsVector([
            { text: d.title, weight: 'A' },
            { text: d.body, weight: 'B' },
          ]),
          d.refId,
        ],
      );
      expect(row?.same).toBe(true);
    }
    // A member whose id needs escaping finds the case it belongs to, and only that one.
    const hits = await searchIndex(t.ctx.db, "'诈骗'", { kinds: ['case'], userId: 'a"b', canSeeDrafts: false }, 20);
    expect(hits.map((h) => h.refId)).toEqual(['c-1']);
  });

  it('updates the row of a record written again', async () => {
    await t.ctx.db.transaction((tx) =>
      indexSearchDocuments(tx, [doc('c-2', { title: 'ransomware', memberIds: ['x\\"y'], tlp: 'RED' })]),
    );
    const rows = await t.ctx.db.query<Row>(
      `SELECT ref_id, title, member_ids, tlp FROM search_documents WHERE kind = 'case' AND ref_id = 'c-2'`,
    );
    expect(rows).toEqual([{ ref_id: 'c-2', title: 'ransomware', member_ids: ['x\\"y'], tlp: 'RED' }]);
  });

  it('writes a batch larger than a re-index page', async () => {
    const docs = Array.from({ length: 1_200 }, (_, i) => doc(`bulk-${i}`, { kind: 'request', memberIds: null }));
    await t.ctx.db.transaction((tx) => indexSearchDocuments(tx, docs));
    const [row] = await t.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM search_documents WHERE kind = 'request' AND ref_id LIKE 'bulk-%'`,
    );
    expect(row?.n).toBe(1_200);
  });
});
