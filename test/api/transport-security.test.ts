// A node behind a TLS-terminating reverse proxy, and a node speaking HTTPS itself (security review
// item 8): X-Forwarded-* counts only from the configured proxies (so the rate limits key on the real
// client), cookies are Secure and HSTS is sent when the node is reached over HTTPS, and
// `--tls-cert` / `--tls-key` serve HTTPS.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';
import { createTestStore } from '../support/test-context.js';

describe('behind a reverse proxy', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close();
  });

  it('honours X-Forwarded-For only from a trusted proxy: the public report rate limit keys on the real client', async () => {
    const t = await createTestApp('embedded', { trustProxy: ['10.9.0.1'] });
    apps.push(t);
    const check = (from: string, forwardedFor: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/reports/status',
        remoteAddress: from,
        headers: { 'x-forwarded-for': forwardedFor },
        payload: { receipt: 'CL-2026-AAAAAA', code: 'nothing-here' },
      });
    const clients = async () =>
      (
        await t.ctx.db.query<{ client: string }>(
          `SELECT client FROM rate_limit_buckets WHERE scope = 'report_status' ORDER BY client`,
        )
      ).map((r) => r.client);

    // From an address that is not a trusted proxy, the header is the client's own claim: ignored.
    expect((await check('192.0.2.50', '203.0.113.7')).statusCode).toBeLessThan(500);
    expect(await clients()).toEqual(['192.0.2.50']);
    // From the trusted proxy, each real client gets its own bucket.
    await check('10.9.0.1', '203.0.113.8');
    await check('10.9.0.1', '203.0.113.9');
    expect(await clients()).toEqual(['192.0.2.50', '203.0.113.8', '203.0.113.9']);
    // One client behind the proxy running out of attempts does not stop the next one.
    let last = 0;
    for (let i = 0; i < 25; i++) last = (await check('10.9.0.1', '203.0.113.8')).statusCode;
    expect(last).toBe(429);
    expect((await check('10.9.0.1', '203.0.113.9')).statusCode).not.toBe(429);
  });

  it('marks the session cookie Secure and sends HSTS when the public URL is https', async () => {
    const t = await createTestApp('embedded', { publicUrl: 'https://crossline.example.org' });
    apps.push(t);
    const u = await t.userWith(['analyst']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'crossline_session_cn_test')?.secure).toBe(true);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    expect((await t.app.inject({ method: 'GET', url: '/health' })).headers['strict-transport-security']).toBe(
      'max-age=31536000',
    );
  });

  it('trusts X-Forwarded-Proto from a trusted proxy only: Secure cookie and HSTS for https, neither for plain http', async () => {
    const t = await createTestApp('embedded', { trustProxy: ['10.9.0.1'] });
    apps.push(t);
    const u = await t.userWith(['analyst']);
    const signIn = (from: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: from,
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: u.username, password: TEST_PASSWORD },
      });
    const proxied = await signIn('10.9.0.1');
    expect(proxied.cookies[0]?.secure).toBe(true);
    expect(proxied.headers['strict-transport-security']).toBe('max-age=31536000');
    const direct = await signIn('192.0.2.60');
    expect(direct.cookies[0]?.secure).toBeFalsy();
    expect(direct.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('native TLS', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-tls-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves HTTPS with a certificate and key from --tls-cert / --tls-key (config tlsCertFile / tlsKeyFile)', async () => {
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    const made = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { encoding: 'utf8' },
    );
    expect(made.status, made.stderr).toBe(0);
    const store = await createTestStore('embedded');
    // The real command with its flags, as an operator starts it.
    const child = spawn(
      'node',
      [
        path.resolve('bin/crossline.js'),
        'start',
        '--data-dir',
        path.join(dir, 'node'),
        '--port',
        '0',
        '--node-id',
        'cn-tls',
        '--database-url',
        store.databaseUrl,
        '--tls-cert',
        cert,
        '--tls-key',
        key,
      ],
      { env: { ...process.env, CROSSLINE_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const m = /listening at (https?:\/\/[0-9.:]+)/.exec(out);
          if (m) {
            clearInterval(timer);
            resolve(m[1]!);
          }
        }, 50);
        child.once('exit', (code) => {
          clearInterval(timer);
          reject(new Error(`exited ${code}: ${out}`));
        });
      });
      expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const answer = await new Promise<{ status: number; hsts?: string; body: string }>((resolve, reject) => {
        https
          .get(`${url}/health`, { ca: readFileSync(cert) }, (res) => {
            let body = '';
            res.on('data', (d: Buffer) => {
              body += d.toString();
            });
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                hsts: res.headers['strict-transport-security'] as string | undefined,
                body,
              }),
            );
          })
          .on('error', reject);
      });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ status: 'ok' });
      expect(answer.hsts).toBe('max-age=31536000');
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await store.drop();
    }
  }, 120_000);

  it('refuses to start with only one of the two, naming the option', () => {
    expect(() => loadConfig({ dataDir: dir, tlsCertFile: path.join(dir, 'cert.pem') }, {})).toThrow(/tlsKeyFile/);
  });
});
