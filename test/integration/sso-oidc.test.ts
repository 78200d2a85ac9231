// Single sign-on with OpenID Connect against a real IdP (oidc-provider, started here as an agency
// IdP): the whole code + PKCE flow through the node's HTTP routes, on both stores; every refused
// case (tampered state, tampered nonce, wrong audience, expired ID token, unknown user with
// auto-create off, disabled local user, user disabled at the IdP), the session re-check that revokes
// an IdP-disabled user's sessions and tokens, logout towards the IdP, and the admin API's rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';
import { signInAtIdp, startTestIdp, type TestIdp } from '../support/oidc-idp.js';
import { recheckSsoSessions } from '../../src/services/sso/recheck-sessions.js';

const NODE = 'http://127.0.0.1:7999';
/** A JWT whose signature no longer matches (a character in the middle of it changed). */
const flipSignature = (jwt: string) => {
  const at = jwt.length - 20;
  return `${jwt.slice(0, at)}${jwt[at] === 'A' ? 'B' : 'A'}${jwt.slice(at + 1)}`;
};
const REDIRECT = `${NODE}/api/auth/oidc/agency/callback`;
const COOKIE = 'crossline_session_cn_test';

describe.each(STORES)('single sign-on with OpenID Connect (%s)', (store) => {
  let t: TestApp;
  let idp: TestIdp;
  let admin: string;
  let providerId: string;

  beforeAll(async () => {
    idp = await startTestIdp({
      redirectUris: [REDIRECT],
      postLogoutRedirectUris: [`${NODE}/`],
      accounts: [
        {
          sub: 'a-1001',
          username: 'li.wei',
          password: 'idp-pass-1',
          name: 'Li Wei',
          email: 'li.wei@agency.test',
          groups: ['cyber-duty'],
        },
        {
          sub: 'a-1002',
          username: 'zhao.min',
          password: 'idp-pass-2',
          name: 'Zhao Min',
          email: 'zhao@agency.test',
          groups: ['cyber-analysts'],
        },
        {
          sub: 'a-1003',
          username: 'no.groups',
          password: 'idp-pass-3',
          name: 'No Groups',
          email: 'ng@agency.test',
          groups: [],
        },
        {
          sub: 'a-1004',
          username: 'sun.li',
          password: 'idp-pass-4',
          name: 'Sun Li',
          email: 'sun@agency.test',
          groups: ['cyber-duty'],
        },
      ],
    });
    t = await createTestApp(store, { publicUrl: NODE });
    admin = (await t.userWith(['admin'])).token;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/sso/providers',
      headers: bearer(admin),
      payload: {
        slug: 'agency',
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        scopes: ['openid', 'profile', 'email', 'groups', 'offline_access'],
        roleMappings: [
          { claim: 'groups', value: 'cyber-duty', role: 'point_of_contact' },
          { claim: 'groups', value: 'cyber-analysts', role: 'analyst' },
        ],
        autoCreate: true,
        nameEn: 'Agency IdP',
        nameZh: '机构身份认证',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    providerId = res.json().id;
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** /start → the IdP's sign-in page → the redirect back; returns the callback and the browser's binding cookie. */
  const toIdpAndBack = async (username: string, password: string, locale?: string) => {
    const start = await t.app.inject({
      method: 'GET',
      url: `/api/auth/oidc/agency/start${locale ? `?locale=${locale}` : ''}`,
    });
    expect(start.statusCode, start.body).toBe(302);
    const binding = start.cookies.find((c) => c.name === 'crossline_sso_cn_test');
    expect(binding?.httpOnly).toBe(true);
    const back = await signInAtIdp(start.headers.location as string, username, password);
    return { back, binding: binding!.value };
  };
  const callback = (back: URL, binding: string | undefined) =>
    t.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      ...(binding ? { cookies: { crossline_sso_cn_test: binding } } : {}),
    });
  const refusal = (res: { statusCode: number; headers: Record<string, unknown> }) => {
    expect(res.statusCode).toBe(303);
    return new URL(res.headers.location as string, NODE).searchParams.get('sso_error');
  };
  const lastAudit = async (action: string) => {
    const rows = await t.ctx.db.query<{ data: Record<string, unknown>; subject_type: string }>(
      'SELECT data, subject_type FROM audit_log WHERE action = $1 ORDER BY seq DESC LIMIT 1',
      [action],
    );
    return rows[0];
  };

  it('lists the provider for the sign-in page and never shows the client secret', async () => {
    const buttons = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/providers' });
    expect(buttons.json()).toEqual({ items: [{ slug: 'agency', nameEn: 'Agency IdP', nameZh: '机构身份认证' }] });
    const list = await t.app.inject({ method: 'GET', url: '/api/sso/providers', headers: bearer(admin) });
    expect(list.body).not.toContain(idp.clientSecret);
    expect(list.json().items[0]).toMatchObject({
      slug: 'agency',
      hasClientSecret: true,
      scopes: ['openid', 'profile', 'email', 'groups', 'offline_access'],
    });
    const stored = await t.ctx.db.query<{ client_secret_enc: string }>('SELECT client_secret_enc FROM sso_providers');
    expect(stored[0]!.client_secret_enc).not.toContain(idp.clientSecret);
  });

  it('signs in through the IdP, creates the user with the mapped role, and opens a normal session', async () => {
    const { back, binding } = await toIdpAndBack('li.wei', 'idp-pass-1', 'zh-CN');
    expect(back.href.startsWith(REDIRECT)).toBe(true);
    const res = await callback(back, binding);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/');
    const session = res.cookies.find((c) => c.name === COOKIE)!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session.value) });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({
      username: 'li.wei',
      displayName: 'Li Wei',
      email: 'li.wei@agency.test',
      roles: ['point_of_contact'],
    });
    // The language picked on the sign-in page is this session's, as with a password sign-in.
    expect(me.json().session).toEqual({ locale: 'zh-CN', sessionChoice: true });
    const login = await lastAudit('auth.login');
    expect(login!.data).toMatchObject({ method: 'oidc', sso: { provider: 'agency', subject: 'a-1001' } });
    // The same callback a second time: the state was taken.
    expect(refusal(await callback(back, binding))).toBe('SSO_STATE_INVALID');
  });

  it('signs in again as the same linked user and follows the IdP’s groups', async () => {
    idp.accounts.get('a-1001')!.groups = ['cyber-duty', 'cyber-analysts'];
    const { back, binding } = await toIdpAndBack('li.wei', 'idp-pass-1');
    const res = await callback(back, binding);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: bearer(res.cookies.find((c) => c.name === COOKIE)!.value),
    });
    expect(me.json().user.roles).toEqual(['point_of_contact', 'analyst']);
    expect(me.json().session.sessionChoice).toBe(false);
    const users = await t.ctx.db.query('SELECT id FROM users WHERE username = $1', ['li.wei']);
    expect(users).toHaveLength(1);
    idp.accounts.get('a-1001')!.groups = ['cyber-duty'];
  });

  it('refuses a tampered state, a callback without this browser’s binding, and an IdP error', async () => {
    const { back, binding } = await toIdpAndBack('zhao.min', 'idp-pass-2');
    const tampered = new URL(back);
    tampered.searchParams.set('state', `${back.searchParams.get('state')}x`);
    expect(refusal(await callback(tampered, binding))).toBe('SSO_STATE_INVALID');
    // Carried to another browser (no binding cookie): refused, and the state is spent.
    expect(refusal(await callback(back, undefined))).toBe('SSO_STATE_INVALID');
    expect(refusal(await callback(back, binding))).toBe('SSO_STATE_INVALID');
    const denied = new URL(REDIRECT);
    denied.search = 'error=access_denied&error_description=nope';
    expect(refusal(await callback(denied, binding))).toBe('SSO_IDP_ERROR');
  });

  for (const [name, tamper, code] of [
    [
      'a tampered nonce',
      (c: Record<string, unknown>) => ({ ...c, nonce: 'not-the-nonce-we-sent' }),
      'SSO_TOKEN_INVALID',
    ],
    [
      'a token for another client (wrong audience)',
      (c: Record<string, unknown>) => ({ ...c, aud: 'some-other-app', azp: 'some-other-app' }),
      'SSO_TOKEN_AUDIENCE',
    ],
    [
      'an expired ID token',
      (c: Record<string, unknown>) => ({
        ...c,
        iat: Math.floor(Date.now() / 1000) - 600,
        exp: Math.floor(Date.now() / 1000) - 300,
      }),
      'SSO_TOKEN_EXPIRED',
    ],
    [
      'a token from another issuer',
      (c: Record<string, unknown>) => ({ ...c, iss: 'https://idp.elsewhere.test' }),
      'SSO_TOKEN_INVALID',
    ],
  ] as const) {
    it(`refuses ${name}, audited with the provider`, async () => {
      const { back, binding } = await toIdpAndBack('zhao.min', 'idp-pass-2');
      idp.tamperIdToken = tamper;
      try {
        const res = await callback(back, binding);
        expect(refusal(res)).toBe(code);
        expect(res.cookies.find((c) => c.name === COOKIE)).toBeUndefined();
      } finally {
        idp.tamperIdToken = null;
      }
      const failed = await lastAudit('auth.login_failed');
      expect(failed).toMatchObject({
        subject_type: 'sso_provider',
        data: { reason: code, sso: { provider: 'agency' } },
      });
    });
  }

  it('refuses an unknown user when auto-create is off, and a user the mapping gives no role', async () => {
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/sso/providers/${providerId}`,
      headers: bearer(admin),
      payload: { autoCreate: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    const { back, binding } = await toIdpAndBack('sun.li', 'idp-pass-4');
    expect(refusal(await callback(back, binding))).toBe('SSO_UNKNOWN_USER');
    expect(await lastAudit('auth.login_failed')).toMatchObject({
      data: { reason: 'SSO_UNKNOWN_USER', sso: { provider: 'agency', subject: 'a-1004' } },
    });
    await t.app.inject({
      method: 'PATCH',
      url: `/api/sso/providers/${providerId}`,
      headers: bearer(admin),
      payload: { autoCreate: true },
    });
    const none = await toIdpAndBack('no.groups', 'idp-pass-3');
    expect(refusal(await callback(none.back, none.binding))).toBe('SSO_NO_ROLE');
  });

  it('refuses a user whose local account is disabled, and one disabled at the IdP', async () => {
    const first = await toIdpAndBack('zhao.min', 'idp-pass-2');
    const signedIn = await callback(first.back, first.binding);
    expect(signedIn.statusCode).toBe(303);
    const session = signedIn.cookies.find((c) => c.name === COOKIE)!.value;
    const [user] = await t.ctx.db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', ['zhao.min']);
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user!.id}`,
      headers: bearer(admin),
      payload: { disabled: true },
    });
    expect(disable.statusCode, disable.body).toBe(200);
    // Disabling the local account ends its SSO sessions at once (and their SSO side with them).
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session) })).statusCode).toBe(401);
    expect(await t.ctx.db.query('SELECT 1 FROM sso_sessions WHERE user_id = $1', [user!.id])).toHaveLength(0);
    const again = await toIdpAndBack('zhao.min', 'idp-pass-2');
    expect(refusal(await callback(again.back, again.binding))).toBe('SSO_ACCOUNT_DISABLED');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user!.id}`,
      headers: bearer(admin),
      payload: { disabled: false },
    });

    idp.accounts.get('a-1002')!.disabled = true;
    try {
      const start = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/agency/start' });
      const back = await signInAtIdp(start.headers.location as string, 'zhao.min', 'idp-pass-2');
      const binding = start.cookies.find((c) => c.name === 'crossline_sso_cn_test')!.value;
      expect(back.searchParams.get('error')).toBe('access_denied');
      expect(refusal(await callback(back, binding))).toBe('SSO_IDP_ERROR');
    } finally {
      idp.accounts.get('a-1002')!.disabled = false;
    }
  });

  it('re-checks SSO sessions with the IdP and revokes sessions and API tokens of a user it disabled', async () => {
    const { back, binding } = await toIdpAndBack('li.wei', 'idp-pass-1');
    const session = (await callback(back, binding)).cookies.find((c) => c.name === COOKIE)!.value;
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer(session),
      payload: { name: 'script', scope: 'read_only' },
    });
    expect(token.statusCode, token.body).toBe(201);
    const apiToken = token.json().token as string;

    // Within the re-check interval nothing is asked; after it, the IdP still knows the account.
    expect((await recheckSsoSessions(t.ctx)).checked).toBe(0);
    t.clock.advance(6 * 60_000);
    const fine = await recheckSsoSessions(t.ctx);
    expect(fine).toMatchObject({ revoked: 0, unreachable: 0 });
    expect(fine.checked).toBeGreaterThan(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session) })).statusCode).toBe(200);

    idp.accounts.get('a-1001')!.disabled = true;
    try {
      t.clock.advance(6 * 60_000);
      const out = await recheckSsoSessions(t.ctx);
      expect(out.revoked).toBeGreaterThan(0);
      expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session) })).statusCode).toBe(
        401,
      );
      expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(apiToken) })).statusCode).toBe(
        401,
      );
      const revoked = await lastAudit('auth.sso_sessions_revoked');
      expect(revoked!.data).toMatchObject({
        sso: { provider: 'agency', subject: 'a-1001' },
        reason: 'invalid_grant',
        tokensRevoked: 1,
      });
    } finally {
      idp.accounts.get('a-1001')!.disabled = false;
    }
  });

  it('ends the sessions the IdP names in a back-channel logout token, and only with a valid token', async () => {
    const { back, binding } = await toIdpAndBack('li.wei', 'idp-pass-1');
    const session = (await callback(back, binding)).cookies.find((c) => c.name === COOKIE)!.value;
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const token = (claims: Record<string, unknown>) =>
      idp.sign({
        iss: idp.issuer,
        aud: idp.clientId,
        iat: now,
        jti: `j-${Math.random()}`,
        sub: 'a-1001',
        events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
        ...claims,
      });
    const post = async (logoutToken: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/oidc/agency/backchannel-logout',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ logout_token: logoutToken }).toString(),
      });
    const me = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session) })).statusCode;
    for (const bad of [
      await token({ aud: 'some-other-app' }),
      await token({ iss: 'https://idp.elsewhere.test' }),
      await token({ iat: now - 3600 }),
      await token({ events: {} }),
      await token({ nonce: 'n' }),
      flipSignature(await token({})),
    ]) {
      const res = await post(bad);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('SSO_LOGOUT_TOKEN_INVALID');
      expect(await me()).toBe(200);
    }
    const ok = await post(await token({}));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await me()).toBe(401);
    expect((await lastAudit('auth.sso_backchannel_logout'))!.data).toMatchObject({
      sso: { provider: 'agency', subject: 'a-1001' },
    });
  });

  it('signs out locally and points the browser at the IdP’s end-session endpoint', async () => {
    const { back, binding } = await toIdpAndBack('li.wei', 'idp-pass-1');
    const session = (await callback(back, binding)).cookies.find((c) => c.name === COOKIE)!.value;
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(session) });
    expect(out.statusCode).toBe(200);
    const end = new URL(out.json().endSessionUrl as string);
    expect(end.origin).toBe(idp.issuer);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${NODE}/`);
    expect(end.searchParams.get('id_token_hint')).toBeTruthy();
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session) })).statusCode).toBe(401);
    // A password session has no IdP to go to.
    const local = await t.userWith(['analyst']);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(local.token) })).json(),
    ).toEqual({ ok: true, endSessionUrl: null });
  });

  it('bounds the sign-ins one client address may start (each stores a row)', async () => {
    const start = () =>
      t.app.inject({ method: 'GET', url: '/api/auth/oidc/agency/start', remoteAddress: '203.0.113.9' });
    for (let i = 0; i < 30; i++) expect((await start()).statusCode).toBe(302);
    expect(refusal(await start())).toBe('SSO_RATE_LIMITED');
    // Another address is not affected.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/oidc/agency/start', remoteAddress: '203.0.113.10' }))
        .statusCode,
    ).toBe(302);
  });

  it('validates provider settings with bilingual errors and keeps them for admins', async () => {
    const insecure = await t.app.inject({
      method: 'POST',
      url: '/api/sso/providers',
      headers: bearer(admin),
      payload: { slug: 'plain', issuer: 'http://idp.agency.test', clientId: 'x', nameEn: 'Plain', nameZh: '明文' },
    });
    expect(insecure.statusCode).toBe(422);
    expect(insecure.json().error).toMatchObject({
      code: 'SSO_ISSUER_INSECURE',
      message: { en: expect.any(String), zh: expect.any(String) },
    });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/sso/providers',
      headers: bearer(admin),
      payload: {
        slug: 'Bad Slug',
        issuer: 'not a url',
        clientId: '',
        nameEn: '',
        nameZh: '',
        roleMappings: [{ claim: 'groups', value: 'x', role: 'king' }],
      },
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().error.issues as Array<{ path: string; message: { zh: string } }>).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.slug',
        'body.issuer',
        'body.clientId',
        'body.nameEn',
        'body.nameZh',
        'body.roleMappings.0.role',
      ]),
    );
    expect(bad.json().error.issues.find((i: { path: string }) => i.path === 'body.slug').message.zh).toContain(
      '小写字母',
    );
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/sso/providers',
      headers: bearer(admin),
      payload: { slug: 'agency', issuer: idp.issuer, clientId: 'x', nameEn: 'Dup', nameZh: '重复' },
    });
    expect(dup.json().error.code).toBe('SSO_PROVIDER_SLUG_TAKEN');
    const analyst = await t.userWith(['analyst']);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/sso/providers', headers: bearer(analyst.token) })).statusCode,
    ).toBe(403);
    expect(refusal(await t.app.inject({ method: 'GET', url: '/api/auth/oidc/nowhere/start' }))).toBe(
      'SSO_PROVIDER_NOT_FOUND',
    );
    // An IdP that cannot be reached: the sign-in page says so (and no flight is stored).
    const down = await t.app.inject({
      method: 'POST',
      url: '/api/sso/providers',
      headers: bearer(admin),
      payload: { slug: 'down', issuer: 'http://127.0.0.1:9/realms/x', clientId: 'x', nameEn: 'Down', nameZh: '离线' },
    });
    expect(down.statusCode, down.body).toBe(201);
    const flights = (await t.ctx.db.query('SELECT 1 FROM sso_login_flights')).length;
    expect(refusal(await t.app.inject({ method: 'GET', url: '/api/auth/oidc/down/start' }))).toBe(
      'SSO_IDP_UNREACHABLE',
    );
    expect(await t.ctx.db.query('SELECT 1 FROM sso_login_flights')).toHaveLength(flights);
    await t.app.inject({ method: 'DELETE', url: `/api/sso/providers/${down.json().id}`, headers: bearer(admin) });
    // The secret is replaced by sending it again; neither the answer nor the audit entry holds it.
    const rotated = await t.app.inject({
      method: 'PATCH',
      url: `/api/sso/providers/${providerId}`,
      headers: bearer(admin),
      payload: { clientSecret: idp.clientSecret },
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.body).not.toContain(idp.clientSecret);
    const audit = await lastAudit('sso.provider_updated');
    expect(audit!.data.changed).toEqual(['clientSecret']);
    expect(JSON.stringify(audit)).not.toContain(idp.clientSecret);
  });

  it('removing a provider ends the sessions signed in through it and takes its button away', async () => {
    const { back, binding } = await toIdpAndBack('li.wei', 'idp-pass-1');
    const session = (await callback(back, binding)).cookies.find((c) => c.name === COOKIE)!.value;
    const local = await t.userWith(['analyst']);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/sso/providers/${providerId}`,
      headers: bearer(admin),
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session) })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(local.token) })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/oidc/providers' })).json()).toEqual({ items: [] });
    expect(await lastAudit('sso.provider_deleted')).toMatchObject({ data: { slug: 'agency' } });
    expect((await lastAudit('sso.provider_deleted'))!.data.sessionsEnded).toBeGreaterThan(0);
  });
});
