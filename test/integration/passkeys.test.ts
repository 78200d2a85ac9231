// Passkeys over the API on both stores, with a software authenticator (real keys, real CBOR and
// signatures): enrolment, password-less sign-in, the passkey as second factor, removal with a
// proof, refusals (replayed challenge, wrong origin, wrong purpose) and the node's policy that
// requires a passkey for roles that see TLP:RED data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/domain/user/totp.js';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';
import { SoftAuthenticator, type AssertionOptions, type RegistrationOptions } from '../support/soft-authenticator.js';

const ORIGIN = 'https://crossline.test';
const RP_ID = 'crossline.test';

describe.each(STORES)('passkeys (%s)', (store) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(store, { publicUrl: ORIGIN });
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, token?: string, payload?: object) =>
    t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });

  async function enrol(token: string, auth: SoftAuthenticator, name = 'Laptop') {
    const options = (
      await call('POST', '/api/auth/passkeys/registration-options', token)
    ).json() as RegistrationOptions;
    return call('POST', '/api/auth/passkeys', token, { name, response: auth.register(options) });
  }
  async function challenge(purpose: 'login' | 'second_factor'): Promise<AssertionOptions> {
    const res = await call('POST', '/api/auth/passkeys/challenge', undefined, { purpose });
    expect(res.statusCode).toBe(200);
    return res.json() as AssertionOptions;
  }

  it('adds named passkeys bound to the public URL, renames them, and refuses replayed or foreign answers', async () => {
    const u = await t.userWith(['investigator']);
    const auth = new SoftAuthenticator(ORIGIN, RP_ID);
    const options = (
      await call('POST', '/api/auth/passkeys/registration-options', u.token)
    ).json() as RegistrationOptions & { rp: { id: string } };
    expect(options.rp.id).toBe(RP_ID);
    const answer = auth.register(options);
    const added = await call('POST', '/api/auth/passkeys', u.token, { name: 'Office laptop', response: answer });
    expect(added.statusCode).toBe(201);
    // The same answer again: its challenge is used up.
    const replay = await call('POST', '/api/auth/passkeys', u.token, { name: 'Again', response: answer });
    expect(replay.json().error.code).toBe('PASSKEY_CHALLENGE_INVALID');
    // A page of another site answering this node's challenge.
    const foreign = new SoftAuthenticator('https://phish.example', RP_ID);
    const opts2 = (
      await call('POST', '/api/auth/passkeys/registration-options', u.token)
    ).json() as RegistrationOptions;
    const refused = await call('POST', '/api/auth/passkeys', u.token, {
      name: 'Phish',
      response: foreign.register(opts2),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('PASSKEY_VERIFICATION_FAILED');
    expect((await enrol(u.token, auth, 'Security key')).statusCode).toBe(201);

    const list = (await call('GET', '/api/auth/passkeys', u.token)).json() as {
      items: { id: string; name: string }[];
      rpId: string;
    };
    expect(list.rpId).toBe(RP_ID);
    expect(list.items.map((p) => p.name)).toEqual(['Office laptop', 'Security key']);
    const renamed = await call('PATCH', `/api/auth/passkeys/${list.items[0]!.id}`, u.token, { name: 'Desk laptop' });
    expect(renamed.json().name).toBe('Desk laptop');
    const audit = await t.ctx.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE subject_id = $1 AND action LIKE 'auth.passkey%' ORDER BY seq`,
      [u.userId],
    );
    expect(audit.map((a) => a.action)).toEqual(['auth.passkey_added', 'auth.passkey_added', 'auth.passkey_renamed']);
  });

  it('signs in with a passkey alone, once per challenge, and only from this node’s origin', async () => {
    const u = await t.userWith(['analyst']);
    const auth = new SoftAuthenticator(ORIGIN, RP_ID);
    expect((await enrol(u.token, auth)).statusCode).toBe(201);

    const response = auth.assert(await challenge('login'));
    const ok = await call('POST', '/api/auth/passkeys/login', undefined, { response, locale: 'zh-CN' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['set-cookie']).toBeDefined();
    const me = await call('GET', '/api/auth/me', ok.json().token);
    expect(me.json().user.username).toBe(u.username);
    expect(me.json().session.locale).toBe('zh-CN');

    const replay = await call('POST', '/api/auth/passkeys/login', undefined, { response });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('AUTH_PASSKEY_INVALID');

    const phish = new SoftAuthenticator('https://crossline.test.phish.example', RP_ID);
    phish.credentials.push(...auth.credentials);
    const foreign = await call('POST', '/api/auth/passkeys/login', undefined, {
      response: phish.assert(await challenge('login')),
    });
    expect(foreign.json().error.code).toBe('AUTH_PASSKEY_INVALID');
    // A challenge issued for the second step does not sign in alone; nor does an answer without user verification.
    const wrongPurpose = await call('POST', '/api/auth/passkeys/login', undefined, {
      response: auth.assert(await challenge('second_factor')),
    });
    expect(wrongPurpose.json().error.code).toBe('AUTH_PASSKEY_INVALID');
    const noUv = await call('POST', '/api/auth/passkeys/login', undefined, {
      response: auth.assert(await challenge('login'), 0, false),
    });
    expect(noUv.json().error.code).toBe('AUTH_PASSKEY_INVALID');

    const rows = await t.ctx.db.query<{ action: string; data: { method?: string; reason?: string } }>(
      `SELECT action, data FROM audit_log WHERE subject_id = $1 AND action IN ('auth.login', 'auth.login_failed') ORDER BY seq`,
      [u.userId],
    );
    const viaPasskey = rows.filter((r) => r.data.method === 'passkey');
    expect(viaPasskey.map((r) => r.action)).toEqual([
      'auth.login',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
    ]);
    const stored = await t.ctx.db.query<{ sign_count: string; last_used_at: Date | null }>(
      'SELECT sign_count, last_used_at FROM passkeys WHERE user_id = $1',
      [u.userId],
    );
    expect(Number(stored[0]!.sign_count)).toBe(1);
    expect(stored[0]!.last_used_at).not.toBeNull();
  });

  it('takes a passkey as the second step after the password, beside TOTP', async () => {
    const u = await t.userWith(['investigator']);
    const other = await t.userWith(['investigator']);
    const auth = new SoftAuthenticator(ORIGIN, RP_ID);
    const otherAuth = new SoftAuthenticator(ORIGIN, RP_ID);
    await enrol(u.token, auth);
    await enrol(other.token, otherAuth);
    const bare = await call('POST', '/api/auth/login', undefined, { username: u.username, password: TEST_PASSWORD });
    expect(bare.statusCode).toBe(401);
    expect(bare.json().error.code).toBe('AUTH_PASSKEY_CONFIRM_REQUIRED');
    const someoneElses = await call('POST', '/api/auth/login', undefined, {
      username: u.username,
      password: TEST_PASSWORD,
      passkey: otherAuth.assert(await challenge('second_factor')),
    });
    expect(someoneElses.json().error.code).toBe('AUTH_PASSKEY_INVALID');
    const ok = await call('POST', '/api/auth/login', undefined, {
      username: u.username,
      password: TEST_PASSWORD,
      passkey: auth.assert(await challenge('second_factor')),
    });
    expect(ok.statusCode).toBe(200);

    // With TOTP on too, the code step says a passkey may stand in; the code still works.
    const enrolTotp = await call('POST', '/api/auth/totp/enrol', u.token);
    const { secret } = enrolTotp.json() as { secret: string };
    expect(
      (await call('POST', '/api/auth/totp/confirm', u.token, { code: totpCode(secret, t.clock.now()) })).statusCode,
    ).toBe(200);
    t.clock.advance(30_000);
    const ask = await call('POST', '/api/auth/login', undefined, { username: u.username, password: TEST_PASSWORD });
    expect(ask.json().error).toMatchObject({ code: 'AUTH_TOTP_REQUIRED', details: { passkey: true } });
    const withCode = await call('POST', '/api/auth/login', undefined, {
      username: u.username,
      password: TEST_PASSWORD,
      totp: totpCode(secret, t.clock.now()),
    });
    expect(withCode.statusCode).toBe(200);
  });

  it('removes a passkey only with the password or a passkey’s answer', async () => {
    const u = await t.userWith(['analyst']);
    const auth = new SoftAuthenticator(ORIGIN, RP_ID);
    await enrol(u.token, auth, 'One');
    await enrol(u.token, auth, 'Two');
    const [one, two] = ((await call('GET', '/api/auth/passkeys', u.token)).json() as { items: { id: string }[] }).items;
    const none = await call('POST', `/api/auth/passkeys/${one!.id}/remove`, u.token, {});
    expect(none.json().error.code).toBe('PASSKEY_REMOVAL_PROOF_REQUIRED');
    const wrong = await call('POST', `/api/auth/passkeys/${one!.id}/remove`, u.token, {
      password: 'not the password at all',
    });
    expect(wrong.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(
      (await call('POST', `/api/auth/passkeys/${one!.id}/remove`, u.token, { password: TEST_PASSWORD })).statusCode,
    ).toBe(200);
    const confirm = (await call('POST', '/api/auth/passkeys/confirm-options', u.token)).json() as AssertionOptions;
    const byKey = await call('POST', `/api/auth/passkeys/${two!.id}/remove`, u.token, {
      passkey: auth.assert(confirm, 1),
    });
    expect(byKey.statusCode).toBe(200);
    expect(((await call('GET', '/api/auth/passkeys', u.token)).json() as { items: unknown[] }).items).toEqual([]);
    const removed = await t.ctx.db.query<{ data: { proof: string } }>(
      `SELECT data FROM audit_log WHERE subject_id = $1 AND action = 'auth.passkey_removed' ORDER BY seq`,
      [u.userId],
    );
    expect(removed.map((r) => r.data.proof)).toEqual(['password', 'passkey']);
  });

  it('requires a passkey of roles that see TLP:RED data once a supervisor turns the policy on', async () => {
    const investigator = await t.userWith(['investigator']);
    const forbidden = await call('PUT', '/api/auth/passkey-policy', investigator.token, { requireForRedRoles: true });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('PASSKEY_POLICY_FORBIDDEN');
    const supervisor = await t.userWith(['supervisor']);
    const auditor = await t.userWith(['auditor']);
    const analyst = await t.userWith(['analyst']);
    const on = await call('PUT', '/api/auth/passkey-policy', supervisor.token, { requireForRedRoles: true });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({
      requireForRedRoles: true,
      coveredRoles: expect.arrayContaining(['analyst']) as unknown,
    });

    const refused = await call('GET', '/api/cases', analyst.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({
      code: 'AUTH_PASSKEY_REQUIRED',
      message: { zh: expect.stringContaining('通行密钥') as unknown },
    });
    expect((await call('GET', '/api/auth/me', analyst.token)).json().mustEnrolPasskey).toBe(true);
    // The auditor's role sees no TLP-marked records: not covered.
    expect((await call('GET', '/api/audit', auditor.token)).statusCode).toBe(200);

    const auth = new SoftAuthenticator(ORIGIN, RP_ID);
    expect((await enrol(analyst.token, auth)).statusCode).toBe(201);
    expect((await call('GET', '/api/cases', analyst.token)).statusCode).toBe(200);
    expect((await call('GET', '/api/auth/me', analyst.token)).json().mustEnrolPasskey).toBe(false);
    const [only] = ((await call('GET', '/api/auth/passkeys', analyst.token)).json() as { items: { id: string }[] })
      .items;
    const last = await call('POST', `/api/auth/passkeys/${only!.id}/remove`, analyst.token, {
      password: TEST_PASSWORD,
    });
    expect(last.json().error.code).toBe('PASSKEY_LAST_REQUIRED_BY_POLICY');

    // Under the policy a passkey takes TOTP's place as the second step.
    const enrolTotp = await call('POST', '/api/auth/totp/enrol', analyst.token);
    const { secret } = enrolTotp.json() as { secret: string };
    await call('POST', '/api/auth/totp/confirm', analyst.token, { code: totpCode(secret, t.clock.now()) });
    t.clock.advance(30_000);
    const withCode = await call('POST', '/api/auth/login', undefined, {
      username: analyst.username,
      password: TEST_PASSWORD,
      totp: totpCode(secret, t.clock.now()),
    });
    expect(withCode.json().error.code).toBe('AUTH_PASSKEY_CONFIRM_REQUIRED');

    const changes = await t.ctx.db.query<{ data: { requireForRedRoles: { to: boolean } } }>(
      `SELECT data FROM audit_log WHERE action = 'auth.passkey_policy_changed'`,
    );
    expect(changes.map((c) => c.data.requireForRedRoles.to)).toEqual([true]);
    expect(
      (await call('PUT', '/api/auth/passkey-policy', supervisor.token, { requireForRedRoles: false })).statusCode,
    ).toBe(200);
  });
  it('lets an admin reset a user’s second factors after a lost device, never their own', async () => {
    const admin = await t.userWith(['admin']);
    const u = await t.userWith(['investigator']);
    const auth = new SoftAuthenticator(ORIGIN, RP_ID);
    await enrol(u.token, auth, 'Phone');
    await enrol(u.token, auth, 'Key');
    const { secret } = (await call('POST', '/api/auth/totp/enrol', u.token)).json() as { secret: string };
    await call('POST', '/api/auth/totp/confirm', u.token, { code: totpCode(secret, t.clock.now()) });
    t.clock.advance(30_000);
    const ask = await call('POST', '/api/auth/login', undefined, { username: u.username, password: TEST_PASSWORD });
    expect(ask.json().error.code).toBe('AUTH_TOTP_REQUIRED');

    const passkeysOf = async () =>
      (
        (await call('GET', '/api/users', admin.token)).json() as { items: { id: string; passkeys: number }[] }
      ).items.find((x) => x.id === u.userId)?.passkeys;
    expect(await passkeysOf()).toBe(2);
    const own = await call('PATCH', `/api/users/${admin.userId}`, admin.token, { resetSecondFactors: true });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('USER_RESET_OWN_SECOND_FACTORS');

    const reset = await call('PATCH', `/api/users/${u.userId}`, admin.token, { resetSecondFactors: true });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().totpEnabled).toBe(false);
    expect(await passkeysOf()).toBe(0);
    // The lost device's passkeys sign in no more, the user's open session is over, and the password
    // alone now signs in (to enrol again).
    const lost = await call('POST', '/api/auth/passkeys/login', undefined, {
      response: auth.assert(await challenge('login')),
    });
    expect(lost.json().error.code).toBe('AUTH_PASSKEY_INVALID');
    expect((await call('GET', '/api/auth/me', u.token)).statusCode).toBe(401);
    const fresh = await call('POST', '/api/auth/login', undefined, { username: u.username, password: TEST_PASSWORD });
    expect(fresh.statusCode).toBe(200);
    expect(
      ((await call('GET', '/api/auth/passkeys', fresh.json().token)).json() as { items: unknown[] }).items,
    ).toEqual([]);
    const audit = await t.ctx.db.query<{ data: { secondFactorsReset?: unknown } }>(
      `SELECT data FROM audit_log WHERE subject_id = $1 AND action = 'user.updated' ORDER BY seq DESC LIMIT 1`,
      [u.userId],
    );
    expect(audit[0]!.data.secondFactorsReset).toEqual({ totp: true, passkeys: 2 });
  });
});
