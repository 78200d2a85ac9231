// Language per browser session (issue 14, item 12): a duty account signed in at two desks keeps its
// default language, and switching language at one desk does not flip the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

describe('language per session', () => {
  let t: TestApp;
  let username: string;
  let deskA: string;
  beforeAll(async () => {
    t = await createTestApp('embedded');
    const user = await t.userWith(['point_of_contact']);
    username = user.username;
    deskA = user.token;
  });
  afterAll(async () => {
    await t?.close();
  });

  const signIn = async (locale?: 'en' | 'zh-CN') => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: TEST_PASSWORD, ...(locale ? { locale } : {}) },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().token as string;
  };
  const me = async (token: string) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    return res.json() as { user: { locale: string }; session: { locale: string; sessionChoice: boolean } };
  };
  const choose = (token: string, locale: string | null) =>
    t.app.inject({ method: 'PUT', url: '/api/auth/session/locale', headers: bearer(token), payload: { locale } });

  it('a switch at one desk leaves the other desk and the account default as they were', async () => {
    await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: bearer(deskA), payload: { locale: 'zh-CN' } });
    const deskB = await signIn();
    expect((await me(deskB)).session).toEqual({ locale: 'zh-CN', sessionChoice: false });

    const switched = await choose(deskA, 'en');
    expect(switched.statusCode, switched.body).toBe(200);
    expect(switched.json()).toEqual({ locale: 'en', sessionChoice: true });
    expect((await me(deskA)).session.locale).toBe('en');
    expect((await me(deskB)).session.locale).toBe('zh-CN');
    expect((await me(deskB)).user.locale).toBe('zh-CN');

    // Changing the account's default moves the desks that made no choice of their own.
    await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: bearer(deskB), payload: { locale: 'en' } });
    await choose(deskA, 'zh-CN');
    expect((await me(deskA)).session.locale).toBe('zh-CN');
    expect((await me(deskB)).session).toEqual({ locale: 'en', sessionChoice: false });

    // null: back to the account's default.
    expect((await choose(deskA, null)).json()).toEqual({ locale: 'en', sessionChoice: false });
  });

  it('the language picked on the sign-in page is that session’s, not the account’s', async () => {
    await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: bearer(deskA), payload: { locale: 'en' } });
    const desk = await signIn('zh-CN');
    expect((await me(desk)).session).toEqual({ locale: 'zh-CN', sessionChoice: true });
    expect((await me(desk)).user.locale).toBe('en');
    expect((await me(deskA)).session.locale).toBe('en');
  });

  it('refuses a language it does not know, in words for people', async () => {
    const res = await choose(deskA, 'fr');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].message.zh).toBe('请从选项中选择一项。');
  });
});
