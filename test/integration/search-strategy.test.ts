// The search strategy over the index itself: a page of common words comes from the most recent
// records (the newest fifth of the window first); a selective word is found anywhere in the index,
// however old its record, without reading the whole window when its newest fifth shows it could
// not fill a page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchRowOf } from '../../src/services/search/index-search-document.js';
import { parseQuery, toTsQuery } from '../../src/domain/search/query.js';
import { searchIndex, upsertSearchRows } from '../../src/storage/repositories/search-index.repository.js';
import type { Queryable } from '../../src/storage/db.js';
import { createTestContext, STORES, type TestContext } from '../support/test-context.js';

describe.each(STORES)('search strategy (%s)', (store) => {
  let t: TestContext;
  const scope = { kinds: ['article' as const], userId: 'u1', canSeeDrafts: false };
  const query = (q: string) => toTsQuery(parseQuery(q));

  beforeAll(async () => {
    t = await createTestContext(store);
    // 60 articles about fraud, one a day; only the oldest mentions the rare 僵尸网络 (botnet).
    const rows = Array.from({ length: 60 }, (_, i) =>
      searchRowOf({
        kind: 'article',
        refId: `a${String(i).padStart(2, '0')}`,
        title: `诈骗案件 ${i}\nFraud case ${i}`,
        body:
          i === 0
            ? '嫌疑人控制僵尸网络实施诈骗。 A botnet was used.'
            : `受害人转账被骗。 The victim transferred funds (${i}).`,
        memberIds: null,
        status: 'published',
        tlp: 'GREEN',
        updatedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      }),
    );
    await upsertSearchRows(t.ctx.db, rows);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('answers common words from the most recent records when they fill the page', async () => {
    const hits = await searchIndex(t.ctx.db, query('诈骗'), scope, 5, 10);
    expect(hits).toHaveLength(5);
    // Equal ranks fall back to recency: all from the 10 newest (a50 … a59).
    for (const h of hits) expect(Number(h.refId.slice(1))).toBeGreaterThanOrEqual(50);
  });

  it('searches the whole index when the recent records hold too few matches', async () => {
    const hits = await searchIndex(t.ctx.db, query('僵尸网络'), scope, 5, 10);
    expect(hits.map((h) => h.refId)).toEqual(['a00']);
    expect((await searchIndex(t.ctx.db, query('botnet'), scope, 5, 10)).map((h) => h.refId)).toEqual(['a00']);
  });

  /** The database, counting the statements of the recency window (`ORDER BY updated_at DESC LIMIT`) it is sent. */
  const counting = () => {
    const windows: unknown[] = [];
    const db: Queryable = {
      query: (sql, params) => {
        if (sql.includes('ORDER BY updated_at DESC LIMIT')) windows.push(params?.[5]);
        return t.ctx.db.query(sql, params);
      },
    };
    return { db, windows };
  };

  it('reads the newest fifth of the window first, and the rest only when it may fill the page', async () => {
    // Common words: the newest fifth (20 of 100 records) fills the page; the rest is not read.
    const common = counting();
    expect(await searchIndex(common.db, query('诈骗'), scope, 5, 100)).toHaveLength(5);
    expect(common.windows).toEqual([20]);
    // A rare word: nothing in the newest fifth, so the window is skipped for the whole index.
    const rare = counting();
    expect((await searchIndex(rare.db, query('僵尸网络'), scope, 5, 100)).map((h) => h.refId)).toEqual(['a00']);
    expect(rare.windows).toEqual([20]);
  });

  it('finds nothing for a word nobody wrote, without error', async () => {
    expect(await searchIndex(t.ctx.db, query('勒索软件'), scope, 5, 10)).toEqual([]);
  });
  it('reads the whole window when the newest fifth holds a few matches (runs last: adds records)', async () => {
    // Three of the 20 newest records mention money mules: the window might fill a page of 5, so it is read.
    const mules = [0, 1, 2].map((i) =>
      searchRowOf({
        kind: 'article',
        refId: `m${i}`,
        title: `Money mule ${i}`,
        body: 'A money mule moved the funds.',
        memberIds: null,
        status: 'published',
        tlp: 'GREEN',
        updatedAt: new Date(Date.UTC(2026, 1, 25 + i, 12)).toISOString(),
      }),
    );
    await upsertSearchRows(t.ctx.db, mules);
    const few = counting();
    expect((await searchIndex(few.db, query('mule'), scope, 5, 100)).map((h) => h.refId).sort()).toEqual([
      'm0',
      'm1',
      'm2',
    ]);
    expect(few.windows).toEqual([20, 100]);
  });
});
