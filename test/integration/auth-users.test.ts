// Sign-in, sessions, lockout, TOTP, API tokens and user administration through the HTTP API, on both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/domain/user/totp.js';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';

describe.each(STORES)('auth and users (%s)', (store) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(store);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs in with a password and reaches /api/auth/me; refuses without a session', async () => {
    const u = await t.userWith(['investigator']);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(u.token) });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe(u.username);
    expect(me.json().permissions).toContain('request:create');
    const anon = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('UNAUTHENTICATED');
    expect(anon.json().error.message.zh).toBeTruthy();
  });

  it('sets an httpOnly session cookie that authenticates, and logout ends the session', async () => {
    const u = await t.userWith(['analyst']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'crossline_session_cn_test');
    expect(cookie?.httpOnly).toBe(true);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { crossline_session_cn_test: cookie!.value },
    });
    expect(me.statusCode).toBe(200);
    // As a browser sends it from the node's own page (a cookie call must show its origin: test/api/csrf.test.ts).
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { crossline_session_cn_test: cookie!.value },
      headers: { origin: 'http://localhost' },
    });
    expect(out.statusCode).toBe(200);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { crossline_session_cn_test: cookie!.value },
    });
    expect(after.statusCode).toBe(401);
  });

  it('expires sessions after the configured time', async () => {
    const u = await t.userWith(['analyst']);
    t.clock.advance((t.ctx.config.sessionTtlMinutes + 1) * 60_000);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(u.token) });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('AUTH_SESSION_EXPIRED');
  });

  it('locks the account after repeated failures, even for the right password (answered like a wrong one), then unlocks after the lock time', async () => {
    const u = await t.userWith(['analyst']);
    // Each attempt from its own address: one address's own backoff is tested in login-lockout.test.ts.
    let n = 0;
    const attempt = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u.username, password },
        remoteAddress: `192.0.2.${++n}`,
      });
    for (let i = 0; i < t.ctx.config.lockoutThreshold; i++) {
      const r = await attempt('wrong password!!');
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    }
    const right = await attempt(TEST_PASSWORD);
    expect(right.statusCode).toBe(401);
    expect(right.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    t.clock.advance((t.ctx.config.lockoutMinutes + 1) * 60_000);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('enrols TOTP, then requires and checks the code at sign-in, refusing a replayed code', async () => {
    const u = await t.userWith(['supervisor']);
    const enrol = await t.app.inject({ method: 'POST', url: '/api/auth/totp/enrol', headers: bearer(u.token) });
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUri } = enrol.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers: bearer(u.token),
      payload: { code: '000000' === totpCode(secret, t.clock.now()) ? '111111' : '000000' },
    });
    expect(wrong.json().error.code).toBe('AUTH_TOTP_INVALID');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers: bearer(u.token),
      payload: { code: totpCode(secret, t.clock.now()) },
    });
    expect(ok.statusCode).toBe(200);
    t.clock.advance(60_000);
    const noCode = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: TEST_PASSWORD },
    });
    expect(noCode.json().error.code).toBe('AUTH_TOTP_REQUIRED');
    const code = totpCode(secret, t.clock.now());
    const withCode = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: TEST_PASSWORD, totp: code },
    });
    expect(withCode.statusCode).toBe(200);
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: TEST_PASSWORD, totp: code },
    });
    expect(replay.json().error.code).toBe('AUTH_TOTP_INVALID');
  });

  it('creates an API token whose secret works once shown, and stops working when revoked', async () => {
    const u = await t.userWith(['investigator']);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer(u.token),
      payload: { name: 'sync script' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^clt_/);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/tokens', headers: bearer(u.token) });
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: bearer(u.token) })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('lets an admin create, disable and re-role users; refuses duplicates, weak passwords and removing the last admin', async () => {
    const admin = await t.userWith(['admin']);
    const h = bearer(admin.token);
    const create = (payload: object) => t.app.inject({ method: 'POST', url: '/api/users', headers: h, payload });
    const good = await create({
      username: 'liaison.wang',
      displayName: '王联络',
      roles: ['point_of_contact'],
      password: 'a long enough password',
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    });
    expect(good.statusCode).toBe(201);
    expect(good.json()).not.toHaveProperty('passwordHash');
    expect(
      (
        await create({
          username: 'liaison.wang',
          displayName: 'x',
          roles: ['analyst'],
          password: 'a long enough password',
        })
      ).json().error.code,
    ).toBe('USER_USERNAME_TAKEN');
    const weak = await create({ username: 'weak.user', displayName: 'x', roles: ['analyst'], password: 'short' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.message.zh).toContain('12');
    const badTz = await create({
      username: 'tz.user',
      displayName: 'x',
      roles: ['analyst'],
      password: 'a long enough password',
      timeZone: 'Mars/Olympus',
    });
    expect(badTz.json().error.issues[0].path).toBe('timeZone');
    const id = good.json().id;
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: h,
      payload: { disabled: true },
    });
    expect(disable.json().disabled).toBe(true);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'liaison.wang', password: 'a long enough password' },
    });
    // A disabled account answers like a wrong password: the answer does not tell that the account exists.
    expect(login.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    const users = (await t.app.inject({ method: 'GET', url: '/api/users', headers: h })).json().items as {
      id: string;
      roles: string[];
      disabled: boolean;
    }[];
    for (const other of users.filter((u) => u.roles.includes('admin') && u.id !== admin.userId && !u.disabled)) {
      await t.app.inject({ method: 'PATCH', url: `/api/users/${other.id}`, headers: h, payload: { disabled: true } });
    }
    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${admin.userId}`,
      headers: h,
      payload: { roles: ['analyst'] },
    });
    expect(demote.json().error.code).toBe('USER_LAST_ADMIN');
  });

  it('records every change in the audit log and the chain verifies', async () => {
    const auditor = await t.userWith(['auditor']);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/audit?action=user.created',
      headers: bearer(auditor.token),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(3);
    const verify = await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: bearer(auditor.token) });
    expect(verify.json()).toMatchObject({ ok: true });
  });
});
