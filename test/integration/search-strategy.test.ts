// The search strategy over the index itself: a page of common words comes from the most recent
// records; a selective word is found anywhere in the index, however old its record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchRowOf } from '../../src/services/search/index-search-document.js';
import { parseQuery, toTsQuery } from '../../src/domain/search/query.js';
import { searchIndex, upsertSearchRows } from '../../src/storage/repositories/search-index.repository.js';
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

  it('finds nothing for a word nobody wrote, without error', async () => {
    expect(await searchIndex(t.ctx.db, query('勒索软件'), scope, 5, 10)).toEqual([]);
  });
});
