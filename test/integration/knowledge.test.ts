// Knowledge-base articles through the HTTP API on both stores: versions, optimistic locking,
// validation in both languages, drafts, encrypted attachments, permissions and share refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';

type Json = Record<string, any>;

const ARTICLE = {
  kind: 'template',
  status: 'published',
  tlp: 'GREEN',
  tags: ['preservation', 'US'],
  concerns: ['us-demo'],
  title: { en: 'Preservation request template (United States)', zh: '数据保全请求模板（美国）' },
  body: { en: '# Template\n\n- Account identifier\n- Time range (UTC)', zh: '# 模板\n\n- 账号标识\n- 时间范围（UTC）' },
};

describe.each(STORES)('knowledge base (%s)', (store) => {
  let t: TestApp;
  let analyst: { token: string; userId: string };
  let reader: { token: string; userId: string };
  const call = (method: 'GET' | 'POST' | 'PATCH', token: string, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp(store);
    analyst = await t.userWith(['analyst']);
    reader = await t.userWith(['read_only']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates version 1, saves version 2, keeps the full history and refuses a stale edit', async () => {
    const created = await call('POST', analyst.token, '/api/knowledge/articles', ARTICLE);
    expect(created.statusCode, created.body).toBe(201);
    const a = created.json() as Json;
    expect(a).toMatchObject({ version: 1, originParty: 'cn-test', isOwn: true, tags: ['preservation', 'US'] });

    const v2 = await call('PATCH', analyst.token, `/api/knowledge/articles/${a.id}`, {
      content: { ...ARTICLE, title: { ...ARTICLE.title, en: 'Preservation request template (US), 2026' } },
      note: 'year added',
      expectedVersion: 1,
    });
    expect(v2.statusCode, v2.body).toBe(200);
    expect(v2.json().version).toBe(2);

    const stale = await call('PATCH', analyst.token, `/api/knowledge/articles/${a.id}`, {
      content: ARTICLE,
      note: '',
      expectedVersion: 1,
    });
    expect(stale.statusCode).toBe(409);

    const detail = (await call('GET', reader.token, `/api/knowledge/articles/${a.id}`)).json() as Json;
    expect(detail.versions.map((v: Json) => [v.version, v.note])).toEqual([
      [2, 'year added'],
      [1, ''],
    ]);
    const v1 = (await call('GET', reader.token, `/api/knowledge/articles/${a.id}/versions/1`)).json() as Json;
    expect(v1.content.title.en).toBe('Preservation request template (United States)');
    expect((await call('GET', reader.token, `/api/knowledge/articles/${a.id}/versions/9`)).json().error.code).toBe(
      'KNOWLEDGE_VERSION_NOT_FOUND',
    );
  });

  it('rejects an article without a title with per-field bilingual issues, and writes nothing', async () => {
    const before = (await call('GET', analyst.token, '/api/knowledge/articles')).json().items.length;
    const res = await call('POST', analyst.token, '/api/knowledge/articles', {
      ...ARTICLE,
      title: { en: '', zh: ' ' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'KNOWLEDGE_INVALID',
      issues: [{ path: 'title', message: { zh: expect.stringContaining('标题') } }],
    });
    expect((await call('GET', analyst.token, '/api/knowledge/articles')).json().items.length).toBe(before);
  });

  it('lets readers read published articles only, and not write', async () => {
    const draft = (
      await call('POST', analyst.token, '/api/knowledge/articles', { ...ARTICLE, status: 'draft' })
    ).json() as Json;
    expect((await call('GET', reader.token, `/api/knowledge/articles/${draft.id}`)).statusCode).toBe(404);
    const readerList = (await call('GET', reader.token, '/api/knowledge/articles')).json().items as Json[];
    expect(readerList.map((i) => i.id)).not.toContain(draft.id);
    expect(
      (await call('GET', analyst.token, '/api/knowledge/articles?status=draft')).json().items.map((i: Json) => i.id),
    ).toContain(draft.id);
    expect((await call('POST', reader.token, '/api/knowledge/articles', ARTICLE)).statusCode).toBe(403);
  });

  it('filters by kind and tag', async () => {
    await call('POST', analyst.token, '/api/knowledge/articles', { ...ARTICLE, kind: 'contact_guide', tags: ['24/7'] });
    const guides = (await call('GET', analyst.token, '/api/knowledge/articles?kind=contact_guide')).json()
      .items as Json[];
    expect(guides.length).toBe(1);
    expect((await call('GET', analyst.token, '/api/knowledge/articles?tag=24%2F7')).json().items.length).toBe(1);
  });

  it('stores attachments encrypted and returns them intact', async () => {
    const a = (await call('POST', analyst.token, '/api/knowledge/articles', ARTICLE)).json() as Json;
    const content = Buffer.from('机密模板 template body — 24/7 contact +1 202 555 0100');
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/knowledge/articles/${a.id}/attachments?fileName=${encodeURIComponent('模板.txt')}&mediaType=text/plain`,
      headers: { ...bearer(analyst.token), 'content-type': 'application/octet-stream' },
      payload: content,
    });
    expect(up.statusCode, up.body).toBe(201);
    const meta = up.json() as Json;
    expect(meta).toMatchObject({ fileName: '模板.txt', size: content.length });
    const rows = await t.ctx.db.query<{ ciphertext: Uint8Array }>(
      'SELECT ciphertext FROM knowledge_attachments WHERE id = $1',
      [meta.id],
    );
    expect(Buffer.from(rows[0]!.ciphertext).includes(Buffer.from('template body'))).toBe(false);
    const down = await call('GET', reader.token, `/api/knowledge/articles/${a.id}/attachments/${meta.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(content)).toBe(true);
    expect((await call('GET', reader.token, `/api/knowledge/articles/${a.id}`)).json().attachments).toHaveLength(1);
  });

  it('checks attachment media types with the parser evidence uses: parameters accepted, CR/LF refused (400), stored bad ones served as bytes', async () => {
    const a = (await call('POST', analyst.token, '/api/knowledge/articles', ARTICLE)).json() as Json;
    const put = (mediaType: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/knowledge/articles/${a.id}/attachments`,
        query: { fileName: 'notes.txt', mediaType },
        headers: { ...bearer(analyst.token), 'content-type': 'application/octet-stream' },
        payload: Buffer.from('notes / 笔记'),
      });
    for (const bad of ['text/plain; name="a\r\nX-Injected: yes"', 'text/plain\n', 'text', 'text/plain; charset']) {
      const res = await put(bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.code).toBe('INVALID_INPUT');
      expect(res.json().error.issues[0].path).toBe('querystring.mediaType');
    }
    const ok = await put('Text/Plain; charset=utf-8');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().mediaType).toBe('text/plain; charset=utf-8');
    await t.ctx.db.query('UPDATE knowledge_attachments SET media_type = $2 WHERE id = $1', [
      ok.json().id,
      'text/plain; name="a\r\nb"',
    ]);
    const down = await call('GET', reader.token, `/api/knowledge/articles/${a.id}/attachments/${ok.json().id}`);
    expect(down.statusCode, down.body).toBe(200);
    expect(down.headers['content-type']).toBe('application/octet-stream');
  });

  it('refuses sharing with an unknown peer and a TLP:RED article, changing nothing', async () => {
    const a = (await call('POST', analyst.token, '/api/knowledge/articles', ARTICLE)).json() as Json;
    const unknown = await call('POST', analyst.token, `/api/knowledge/articles/${a.id}/share`, { peers: ['nowhere'] });
    expect(unknown.json().error.code).toBe('KNOWLEDGE_UNKNOWN_PEER');
    const red = (
      await call('POST', analyst.token, '/api/knowledge/articles', { ...ARTICLE, tlp: 'RED' })
    ).json() as Json;
    const refused = await call('POST', analyst.token, `/api/knowledge/articles/${red.id}/share`, {
      peers: ['kh-test'],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'KNOWLEDGE_SHARE_REFUSED',
      message: { zh: expect.stringContaining('TLP:RED') },
    });
    expect((await call('GET', analyst.token, `/api/knowledge/articles/${red.id}`)).json().sharedWith).toEqual([]);
  });
});
