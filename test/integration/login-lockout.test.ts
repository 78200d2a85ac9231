// Sign-in lockout under attack (security review item 4): parallel guesses cannot get more passwords
// checked than the lockout threshold, the counter is shared by every process of a node, unknown,
// disabled and locked accounts answer exactly like a wrong password, and one client address gets a
// failure budget with exponential backoff, so it cannot keep somebody else's account locked.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dummyPasswordHash, verifyPassword } from '../../src/services/user/passwords.js';
import { updateUser } from '../../src/services/user/update-user.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';

const WRONG = 'not the password at all';

describe.each(STORES)('sign-in lockout (%s)', (store) => {
  let t: TestApp;
  let ipSeq = 0;
  /** A client address no other attempt of this file used: each test controls its own throttles. */
  const freshIp = () => {
    ipSeq += 1;
    return `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq & 255}`;
  };
  const login = (username: string, password: string, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  /** How many of this user's passwords were really checked and found wrong (each such check is audited). */
  const checked = async (userId: string) =>
    (
      await t.ctx.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login_failed' AND subject_id = $1`,
        [userId],
      )
    )[0]!.n;
  const locks = async (userId: string) =>
    (
      await t.ctx.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login_failed' AND subject_id = $1 AND (data->>'locked')::boolean`,
        [userId],
      )
    )[0]!.n;

  beforeAll(async () => {
    t = await createTestApp(store);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([40, 120])(
    '%i parallel wrong sign-ins check at most lockoutThreshold passwords; the right one is then refused like a wrong one',
    async (n) => {
      const threshold = t.ctx.config.lockoutThreshold;
      const u = await t.userWith(['analyst']);
      const wrongAnswer = await login('nobody-at-all', WRONG, freshIp());
      const answers = await Promise.all(Array.from({ length: n }, () => login(u.username, WRONG, freshIp())));
      for (const a of answers) {
        expect(a.statusCode).toBe(401);
        expect(a.json()).toEqual(wrongAnswer.json());
      }
      expect(await checked(u.userId)).toBeLessThanOrEqual(threshold);
      const right = await login(u.username, TEST_PASSWORD, freshIp());
      expect(right.statusCode).toBe(401);
      expect(right.json()).toEqual(wrongAnswer.json());
      // The lock ends after lockoutMinutes, and the right password works again.
      t.clock.advance((t.ctx.config.lockoutMinutes + 1) * 60_000);
      expect((await login(u.username, TEST_PASSWORD, freshIp())).statusCode).toBe(200);
    },
  );

  it('answers unknown, disabled and locked accounts exactly as a wrong password, in the same time', async () => {
    const active = await t.userWith(['analyst']);
    const disabled = await t.userWith(['analyst']);
    await updateUser(t.ctx, { kind: 'system', partyId: 'cn-test' }, disabled.userId, { disabled: true });
    const locked = await t.userWith(['analyst']);
    for (let i = 0; i < t.ctx.config.lockoutThreshold; i++) await login(locked.username, WRONG, freshIp());
    type Answer = { statusCode: number; json(): unknown };
    const cases: Record<string, () => Promise<Answer | null>> = {
      wrong: () => login(active.username, WRONG, freshIp()),
      unknown: () => login('no.such.user', TEST_PASSWORD, freshIp()),
      disabled: () => login(disabled.username, TEST_PASSWORD, freshIp()),
      locked: () => login(locked.username, TEST_PASSWORD, freshIp()),
      // One argon2id verification, measured in the same rounds (the machine's load changes over time).
      verification: async () => {
        await verifyPassword(await dummyPasswordHash(), WRONG);
        return null;
      },
    };
    const fastest: Record<string, number> = {};
    const bodies: Record<string, unknown> = {};
    for (let round = 0; round < 4; round++) {
      for (const [name, attempt] of Object.entries(cases)) {
        const started = performance.now();
        const res = await attempt();
        fastest[name] = Math.min(fastest[name] ?? Infinity, performance.now() - started);
        if (!res) continue;
        expect(res.statusCode, name).toBe(401);
        bodies[name] = res.json();
      }
    }
    expect(bodies.unknown).toEqual(bodies.wrong);
    expect(bodies.disabled).toEqual(bodies.wrong);
    expect(bodies.locked).toEqual(bodies.wrong);
    // Every case verifies a password hash: none answers in less than (about) the time of one verification.
    for (const name of ['wrong', 'unknown', 'disabled', 'locked']) {
      expect(
        fastest[name],
        `${name}: ${fastest[name]} ms, one verification ${fastest.verification} ms`,
      ).toBeGreaterThan(fastest.verification! * 0.6);
    }
  });

  it('gives one client address a failure budget: beyond it, 429 without checking any password; other addresses are unaffected', async () => {
    const ip = freshIp();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(`guessed.name.${i}`, WRONG, ip)));
    const limited = answers.filter((a) => a.statusCode === 429);
    expect(limited.length).toBeGreaterThanOrEqual(10);
    for (const a of limited) {
      expect(a.json().error.code).toBe('AUTH_RATE_LIMITED');
      expect(a.json().error.message.zh).toBeTruthy();
      expect(Number(a.headers['retry-after'])).toBeGreaterThan(0);
    }
    for (const a of answers.filter((x) => x.statusCode !== 429))
      expect(a.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    // The same address is refused even with the right password of a real account; another address is not.
    const u = await t.userWith(['analyst']);
    expect((await login(u.username, TEST_PASSWORD, ip)).statusCode).toBe(429);
    expect((await login(u.username, TEST_PASSWORD, freshIp())).statusCode).toBe(200);
  });

  it('checks at most lockoutThreshold passwords of one account from one address, however many arrive at once', async () => {
    const u = await t.userWith(['analyst']);
    const ip = freshIp();
    const answers = await Promise.all(Array.from({ length: 30 }, () => login(u.username, WRONG, ip)));
    expect(answers.filter((a) => a.statusCode === 429).length).toBeGreaterThanOrEqual(
      30 - t.ctx.config.lockoutThreshold,
    );
    expect(await checked(u.userId)).toBeLessThanOrEqual(t.ctx.config.lockoutThreshold);
  });

  it('keeps an attacker at one address from holding a victim locked: its waits double, so in a day it locks the account at most 3 times', async () => {
    const victim = await t.userWith(['analyst']);
    const attacker = freshIp();
    const day = 24 * 60 * 60_000;
    const end = t.clock.now().getTime() + day;
    const waits: number[] = [];
    while (t.clock.now().getTime() < end) {
      const res = await login(victim.username, WRONG, attacker);
      if (res.statusCode === 429) {
        const seconds = Number(res.headers['retry-after']);
        waits.push(seconds);
        t.clock.advance(seconds * 1000);
      } else {
        expect(res.statusCode).toBe(401);
        t.clock.advance(60_000); // otherwise the attacker tries once a minute
      }
    }
    expect(await locks(victim.userId)).toBeLessThanOrEqual(3);
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(4 * 3600);
    // Once the lock is over, the victim signs in from their own address.
    t.clock.advance((t.ctx.config.lockoutMinutes + 1) * 60_000);
    expect((await login(victim.username, TEST_PASSWORD, freshIp())).statusCode).toBe(200);
  }, 120_000);
});

describe('sign-in lockout across two processes of one node', () => {
  let t: TestApp;
  let child: ChildProcess | undefined;
  let url = '';
  let output = '';

  beforeAll(async () => {
    t = await createTestApp('embedded');
    // The second process runs on the real clock: so does this one, for this test.
    t.clock.set(new Date());
    child = spawn('node', [path.resolve('bin/crossline.js'), 'start', '--data-dir', t.dataDir, '--port', '0'], {
      env: { ...process.env, CROSSLINE_LOG_LEVEL: 'warn', CROSSLINE_TRUST_PROXY: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr!.on('data', (d: Buffer) => {
      output += d.toString();
    });
    url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /listening at (http:\/\/[0-9.:]+)/.exec(output);
        if (m) {
          clearInterval(timer);
          resolve(m[1]!);
        }
      }, 50);
      child!.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`exited ${code}: ${output}`));
      });
    });
  }, 120_000);
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await t?.close();
  });

  it('shares the failure counter: guesses sent to both processes check at most lockoutThreshold passwords in all', async () => {
    const u = await t.userWith(['analyst']);
    const threshold = t.ctx.config.lockoutThreshold;
    const viaChild = (password: string, ip: string) =>
      fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ username: u.username, password }),
      });
    const here = Array.from({ length: 20 }, (_, i) =>
      t.app
        .inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: u.username, password: WRONG },
          remoteAddress: `10.1.0.${i + 1}`,
        })
        .then((r) => r.statusCode),
    );
    const there = Array.from({ length: 20 }, (_, i) => viaChild(WRONG, `10.2.0.${i + 1}`).then((r) => r.status));
    const statuses = await Promise.all([...here, ...there]);
    expect(
      statuses.every((s) => s === 401),
      statuses.join(','),
    ).toBe(true);
    const [{ n }] = (await t.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login_failed' AND subject_id = $1`,
      [u.userId],
    )) as [{ n: number }];
    expect(n).toBeLessThanOrEqual(threshold);
    // Locked for both processes.
    const right = await viaChild(TEST_PASSWORD, '10.3.0.1');
    expect(right.status).toBe(401);
    expect(((await right.json()) as { error: { code: string } }).error.code).toBe('AUTH_INVALID_CREDENTIALS');
    const rightHere = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: TEST_PASSWORD },
      remoteAddress: '10.3.0.2',
    });
    expect(rightHere.statusCode).toBe(401);
  }, 120_000);
});
