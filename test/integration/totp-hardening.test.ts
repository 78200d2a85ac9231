// TOTP under a stolen session (security review item 5): replacing the authenticator while TOTP is on
// needs a current code from the old one, and wrong codes to /totp/disable and to re-enrolment count
// toward the account's lockout like wrong sign-ins, however many arrive at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode, totpStep, hotp, base32Decode } from '../../src/domain/user/totp.js';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';

describe.each(STORES)('TOTP hardening (%s)', (store) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(store);
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (token: string, url: string, payload: object = {}) =>
    t.app.inject({ method: 'POST', url, headers: bearer(token), payload });

  /** A user with TOTP on; the clock is then one step on, so the next code is not a replay. */
  async function withTotp(): Promise<{ token: string; username: string; secret: string }> {
    const u = await t.userWith(['analyst']);
    const enrol = await post(u.token, '/api/auth/totp/enrol');
    expect(enrol.statusCode).toBe(200);
    const { secret } = enrol.json() as { secret: string };
    expect((await post(u.token, '/api/auth/totp/confirm', { code: totpCode(secret, t.clock.now()) })).statusCode).toBe(
      200,
    );
    t.clock.advance(30_000);
    return { token: u.token, username: u.username, secret };
  }

  /** `n` six-digit codes none of which is valid now (±1 step). */
  function wrongCodes(secret: string, n: number): string[] {
    const step = totpStep(t.clock.now());
    const valid = new Set([step - 1, step, step + 1].map((s) => hotp(base32Decode(secret), s)));
    const out: string[] = [];
    for (let i = 1; out.length < n; i++) {
      const code = String((i * 7919) % 1_000_000).padStart(6, '0');
      if (!valid.has(code)) out.push(code);
    }
    return out;
  }

  it('asks for a current code to replace the authenticator while TOTP is on; the new one then replaces the old', async () => {
    const u = await withTotp();
    const bare = await post(u.token, '/api/auth/totp/enrol');
    expect(bare.statusCode).toBe(401);
    expect(bare.json().error.code).toBe('AUTH_TOTP_REQUIRED');
    const wrong = await post(u.token, '/api/auth/totp/enrol', { code: wrongCodes(u.secret, 1)[0] });
    expect(wrong.json().error.code).toBe('AUTH_TOTP_INVALID');
    const again = await post(u.token, '/api/auth/totp/enrol', { code: totpCode(u.secret, t.clock.now()) });
    expect(again.statusCode).toBe(200);
    const next = (again.json() as { secret: string }).secret;
    expect(next).not.toBe(u.secret);
    t.clock.advance(30_000);
    expect((await post(u.token, '/api/auth/totp/confirm', { code: totpCode(next, t.clock.now()) })).statusCode).toBe(
      200,
    );
    t.clock.advance(30_000);
    const withOld = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: TEST_PASSWORD, totp: totpCode(u.secret, t.clock.now()) },
    });
    expect(withOld.json().error.code).toBe('AUTH_TOTP_INVALID');
    const withNew = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: TEST_PASSWORD, totp: totpCode(next, t.clock.now()) },
    });
    expect(withNew.statusCode).toBe(200);
  });

  it('counts wrong codes to /totp/disable toward lockout: of 300 at once, at most lockoutThreshold are checked', async () => {
    const u = await withTotp();
    const threshold = t.ctx.config.lockoutThreshold;
    const answers = await Promise.all(
      wrongCodes(u.secret, 300).map((code) => post(u.token, '/api/auth/totp/disable', { code })),
    );
    const codes = answers.map((a) => a.json().error?.code as string);
    expect(codes.filter((c) => c === 'AUTH_TOTP_INVALID').length).toBeLessThanOrEqual(threshold);
    expect(codes.filter((c) => c === 'AUTH_ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(300 - threshold);
    // Locked: even the right code is not checked, and sign-in is refused too.
    const right = await post(u.token, '/api/auth/totp/disable', { code: totpCode(u.secret, t.clock.now()) });
    expect(right.statusCode).toBe(423);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: TEST_PASSWORD, totp: totpCode(u.secret, t.clock.now()) },
    });
    expect(signIn.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(u.token) });
    expect(me.json().user.totpEnabled).toBe(true);
    // After the lock, the right code works.
    t.clock.advance((t.ctx.config.lockoutMinutes + 1) * 60_000);
    expect(
      (await post(u.token, '/api/auth/totp/disable', { code: totpCode(u.secret, t.clock.now()) })).statusCode,
    ).toBe(200);
  });

  it('counts wrong codes to re-enrolment toward lockout as well', async () => {
    const u = await withTotp();
    const threshold = t.ctx.config.lockoutThreshold;
    const answers = await Promise.all(
      wrongCodes(u.secret, 60).map((code) => post(u.token, '/api/auth/totp/enrol', { code })),
    );
    const codes = answers.map((a) => a.json().error?.code as string);
    expect(codes.filter((c) => c === 'AUTH_TOTP_INVALID').length).toBeLessThanOrEqual(threshold);
    expect(codes.filter((c) => c === 'AUTH_ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(60 - threshold);
    expect((await post(u.token, '/api/auth/totp/enrol', { code: totpCode(u.secret, t.clock.now()) })).statusCode).toBe(
      423,
    );
  });
});
