// The audit log as people read it: every entry carries its action in words (both languages), the
// record's reference, and can be filtered by that reference; a language switch is logged as a
// preference change (not as a profile edit), and re-sending the same language logs nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { preservationDraft } from '../factories.js';

type Entry = {
  action: string;
  label: { en: string; zh: string };
  reference: string | null;
  subjectLabel: { en: string; zh: string } | null;
};

describe('readable audit log', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp('embedded', { nodeId: 'cn-audit' });
    admin = (await t.userWith(['supervisor'])).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  const audit = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/audit?${query}`, headers: bearer(admin) });
    expect(res.statusCode).toBe(200);
    return res.json().items as Entry[];
  };

  it("names each action in words and filters by a record's reference", async () => {
    const draft = await t.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: bearer(admin),
      payload: preservationDraft({ requestedParty: 'us-peer' }),
    });
    expect(draft.statusCode).toBe(201);
    const reference = draft.json().reference as string;
    const items = await audit(`reference=${encodeURIComponent(reference)}`);
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({ reference, subjectLabel: { en: 'Request', zh: '协助请求' } });
    expect(items[0]!.label).toEqual({ en: 'Request: draft created', zh: '协助请求：创建草稿' });
    expect(await audit('reference=CN-AUDIT-REQ-1999-0001')).toEqual([]);
    for (const e of await audit('limit=500')) expect(e.label.en, e.action).not.toMatch(/[._]/);
  });

  it('logs a language switch as a preference change, and the same language again not at all', async () => {
    const { token } = await t.userWith(['investigator']);
    const patch = (locale: string) =>
      t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: bearer(token), payload: { locale } });
    expect((await patch('zh-CN')).statusCode).toBe(200);
    expect((await patch('zh-CN')).statusCode).toBe(200);
    const entries = (await audit('subjectType=user&limit=500')).filter((e) => e.action.startsWith('user.p'));
    expect(entries.map((e) => e.action)).toEqual(['user.preferences_changed']);
    expect(entries[0]!.label.zh).toBe('更改语言或时区');
  });
});
