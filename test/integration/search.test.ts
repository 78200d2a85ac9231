// Full-text search over a bilingual fixture corpus on both stores: Chinese word segmentation with
// bigrams ("网络诈骗" finds "电信网络诈骗案件"), English stemming, ranking, highlighted snippets,
// and visibility (member-only cases, drafts, exercise requests, permissions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preservationDraft } from '../factories.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';
import { reindexIfOutdated, reindexSearch } from '../../src/services/search/reindex-search.js';
import { zhFraudReport } from '../support/public-report-fixtures.js';

type Json = Record<string, any>;
type Piece = { text: string; hit: boolean };

const ARTICLES = [
  {
    kind: 'typology',
    status: 'published',
    tlp: 'GREEN',
    tags: ['fraud'],
    title: { zh: '电信网络诈骗案件的典型手法', en: 'Typical methods in telecom and online fraud cases' },
    body: {
      zh: '犯罪团伙冒充客服，诱导受害人转账至安全账户。',
      en: 'Gangs impersonate customer service and persuade victims to transfer money.',
    },
  },
  {
    kind: 'typology',
    status: 'published',
    tlp: 'GREEN',
    tags: ['investment'],
    title: { zh: '杀猪盘：虚假投资平台', en: 'Pig-butchering: fake investment platforms' },
    body: {
      zh: '通过交友软件建立感情后引导受害人在虚假平台投资。',
      en: 'Scammers build a romance, then the victims were defrauded through frauds on fake trading apps.',
    },
  },
  {
    kind: 'procedure',
    status: 'published',
    tlp: 'CLEAR',
    tags: ['laundering'],
    title: { zh: '跨境洗钱资金追踪', en: 'Tracing cross-border money laundering' },
    body: {
      zh: '通过虚拟货币和地下钱庄转移赃款。',
      en: 'Laundered proceeds move through crypto exchanges and underground banks.',
    },
  },
  {
    kind: 'procedure',
    status: 'published',
    tlp: 'GREEN',
    tags: ['accounts'],
    title: { zh: '冻结涉案账户的步骤', en: 'Freezing accounts used in a case' },
    body: {
      zh: '## 要点\n\n- **先保全**再冻结\n- 见 [流程](https://example.org/flow)',
      en: '## Key points\n\n- **Preserve** before you freeze',
    },
  },
  {
    kind: 'contact_guide',
    status: 'draft',
    tlp: 'GREEN',
    tags: [],
    title: { zh: '内部草稿：值班联络', en: 'Internal draft: duty contacts' },
    body: { zh: '草稿内容涉及诈骗线索。', en: 'Draft mentions fraud leads.' },
  },
];

describe.each(STORES)('search (%s)', (store) => {
  let t: TestApp;
  let analyst: { token: string; userId: string };
  let investigator: { token: string; userId: string };
  let outsider: { token: string; userId: string };
  let reader: { token: string; userId: string };
  let memberCaseId = '';
  let quietCaseId = '';
  let exerciseRequestId = '';

  const call = (method: 'GET' | 'POST', token: string, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  const search = async (token: string, q: string, kinds = '') => {
    const res = await call('GET', token, `/api/search?q=${encodeURIComponent(q)}${kinds ? `&kinds=${kinds}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Json[];
  };
  const hits = (pieces: Piece[]) => pieces.filter((p) => p.hit).map((p) => p.text);

  beforeAll(async () => {
    t = await createTestApp(store);
    analyst = await t.userWith(['analyst']);
    investigator = await t.userWith(['investigator']);
    outsider = await t.userWith(['investigator']);
    reader = await t.userWith(['read_only']);
    for (const a of ARTICLES) {
      const res = await call('POST', analyst.token, '/api/knowledge/articles', a);
      expect(res.statusCode, res.body).toBe(201);
    }
    const kase = await call('POST', investigator.token, '/api/cases', {
      title: { en: 'Telecom fraud ring in Phnom Penh', zh: '金边电信网络诈骗窝点' },
      crimeCategories: ['online_fraud'],
      summary: { en: 'Members only.', zh: '仅限成员。' },
    });
    expect(kase.statusCode, kase.body).toBe(201);
    memberCaseId = kase.json().id;
    // Its title names no crime: only its category (online fraud) does.
    const quiet = await call('POST', investigator.token, '/api/cases', {
      title: { en: 'Harbour warehouse', zh: '港口仓库' },
      crimeCategories: ['online_fraud'],
      summary: { en: 'Members only.', zh: '仅限成员。' },
    });
    expect(quiet.statusCode, quiet.body).toBe(201);
    quietCaseId = quiet.json().id;
    const req = await call('POST', investigator.token, '/api/requests', preservationDraft());
    expect(req.statusCode, req.body).toBe(201);
    const ex = await call(
      'POST',
      investigator.token,
      '/api/requests',
      preservationDraft({ subject: { en: 'Exercise inject mailbox', zh: '演练邮箱保全' } }),
    );
    exerciseRequestId = ex.json().id;
    await t.ctx.db.query('UPDATE requests SET exercise_id = $1 WHERE id = $2', ['ex-1', exerciseRequestId]);
    const report = await t.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      payload: zhFraudReport(),
      remoteAddress: '203.0.113.9',
    });
    expect(report.statusCode, report.body).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds "电信网络诈骗案件" for the query "网络诈骗", ranked first, with the words highlighted', async () => {
    const items = await search(analyst.token, '网络诈骗', 'article');
    expect(items[0]!.title).toBe('电信网络诈骗案件的典型手法');
    // 网络诈骗 has synonyms (电信网络诈骗 among them): the longest form found is marked.
    expect(hits(items[0]!.titleHighlight.pieces)).toContain('电信网络诈骗');
  });

  it('matches Chinese across segmentation boundaries ("猪盘" is not a segmenter word)', async () => {
    const items = await search(analyst.token, '猪盘');
    expect(items.map((i) => i.title)).toEqual(['杀猪盘：虚假投资平台']);
  });

  it('stems English: "frauds" and "fraud" find the same records; "laundering" finds "Laundered"', async () => {
    const a = (await search(analyst.token, 'frauds', 'article')).map((i) => i.id).sort();
    const b = (await search(analyst.token, 'FRAUD', 'article')).map((i) => i.id).sort();
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThanOrEqual(2);
    const laundering = await search(analyst.token, 'laundering');
    expect(laundering[0]!.title).toBe('跨境洗钱资金追踪');
    expect(hits(laundering[0]!.snippet.pieces)).toContain('Laundered');
  });

  it('folds full-width input and supports OR and exclusion', async () => {
    expect((await search(analyst.token, 'ＦＲＡＵＤ', 'article')).length).toBeGreaterThan(0);
    const either = await search(analyst.token, '洗钱 OR 杀猪盘', 'article');
    expect(either.map((i) => i.title).sort()).toEqual(['杀猪盘：虚假投资平台', '跨境洗钱资金追踪']);
    const without = await search(analyst.token, 'fraud -investment', 'article');
    expect(without.map((i) => i.title)).not.toContain('杀猪盘：虚假投资平台');
  });

  it('shows a case to its members only', async () => {
    const member = await search(investigator.token, '网络诈骗', 'case');
    expect(member.map((i) => i.id).sort()).toEqual([memberCaseId, quietCaseId].sort());
    expect(await search(outsider.token, '网络诈骗', 'case')).toEqual([]);
  });

  it('hides drafts from readers, shows them to editors', async () => {
    expect((await search(analyst.token, '值班联络')).length).toBe(1);
    expect(await search(reader.token, '值班联络')).toEqual([]);
  });

  it('finds requests for request:read holders but never exercise requests', async () => {
    const items = await search(investigator.token, '邮箱', 'request');
    expect(items.length).toBe(1);
    expect(items.map((i) => i.id)).not.toContain(exerciseRequestId);
    expect(items[0]!.titleHighlight.pieces.map((p: Piece) => p.text).join('')).toContain('保全投资诈骗所用邮箱');
  });

  it('finds public reports (triage:read); roles without knowledge:read cannot search', async () => {
    const items = await search(investigator.token, '安全账户', 'report');
    expect(items).toHaveLength(1);
    expect(hits(items[0]!.snippet.pieces)).toContain('安全账户');
    const auditor = await t.userWith(['auditor']);
    expect((await call('GET', auditor.token, `/api/search?q=${encodeURIComponent('安全账户')}`)).statusCode).toBe(403);
  });

  it('finds online-fraud records by the words people use for them: 电信诈骗, 电诈, scam', async () => {
    for (const q of ['电信诈骗', '电诈', '电信网络诈骗', 'telecom']) {
      const cases = (await search(investigator.token, q, 'case')).map((i) => i.id);
      expect(cases, q).toEqual(expect.arrayContaining([memberCaseId, quietCaseId]));
    }
    expect((await search(analyst.token, '电诈', 'article')).map((i) => i.title)).toContain(
      '电信网络诈骗案件的典型手法',
    );
    expect((await search(analyst.token, 'scam', 'article')).map((i) => i.title)).toContain('杀猪盘：虚假投资平台');
    expect((await search(analyst.token, 'pig butchering', 'article')).map((i) => i.title)).toEqual([
      '杀猪盘：虚假投资平台',
    ]);
    // A word with no synonyms is not widened.
    expect(await search(analyst.token, '港口', 'article')).toEqual([]);
  });

  it('shows snippets as text a person reads, without markdown syntax', async () => {
    const items = await search(analyst.token, '先保全', 'article');
    expect(items[0]!.title).toBe('冻结涉案账户的步骤');
    const text = items[0]!.snippet.pieces.map((p: Piece) => p.text).join('');
    expect(text).toContain('先保全再冻结');
    expect(text).not.toMatch(/\*\*|##|\]\(/);
  });

  it('rebuilds an index made by older rules once, at start, and not again', async () => {
    await t.ctx.db.query(`DELETE FROM node_settings WHERE key = 'search.index_version'`);
    expect(await reindexIfOutdated(t.ctx)).toBe(true);
    expect(await reindexIfOutdated(t.ctx)).toBe(false);
    expect((await search(investigator.token, '电诈', 'case')).map((i) => i.id)).toContain(quietCaseId);
  });

  it('rebuilds the same index from the stores', async () => {
    const before = await search(investigator.token, '诈骗');
    const counts = await reindexSearch(t.ctx);
    expect(counts).toMatchObject({ article: 5, case: 2, request: 2, report: 1 });
    const after = await search(investigator.token, '诈骗');
    expect(after.map((i) => i.id)).toEqual(before.map((i) => i.id));
  });

  it('refuses an empty query in both languages, and unknown kinds with 400', async () => {
    const res = await call('GET', analyst.token, '/api/search?q=the');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'SEARCH_QUERY_EMPTY', message: { zh: expect.any(String) } });
    expect((await call('GET', analyst.token, '/api/search?q=x&kinds=secrets')).statusCode).toBe(400);
  });
});
