// Cross-site request forgery (security review item 6): a state-changing request authenticated by the
// session COOKIE must come from the node's own origin (Origin / Sec-Fetch-Site) and, when it has a
// body, carry it as JSON (or a raw upload), never as a content type an HTML form can send. Bearer
// calls are unaffected; reads are unaffected. The browser test is test/e2e/csrf.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

const COOKIE = 'crossline_session_cn_test';

describe('cookie sessions and other origins', () => {
  let t: TestApp;
  let cookie = '';
  let token = '';
  beforeAll(async () => {
    t = await createTestApp('embedded', { publicUrl: 'https://crossline.example.org' });
    const u = await t.userWith(['analyst']);
    token = u.token;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: TEST_PASSWORD },
    });
    cookie = res.cookies.find((c) => c.name === COOKIE)!.value;
  });
  afterAll(async () => {
    await t?.close();
  });

  // The node as inject() reaches it: Host `localhost:80`, so its own origin is http://localhost.
  const post = (headers: Record<string, string>, payload?: string, url = '/api/auth/totp/enrol') =>
    t.app.inject({
      method: 'POST',
      url,
      cookies: { [COOKIE]: cookie },
      headers,
      ...(payload !== undefined ? { payload } : {}),
    });

  it('refuses a form post from another port of the same host (the attack of the review): 403 AUTH_CROSS_ORIGIN_REFUSED', async () => {
    const res = await post({ origin: 'http://localhost:8080', 'content-type': 'text/plain' }, 'x=y');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH_CROSS_ORIGIN_REFUSED');
    expect(res.json().error.message.zh).toBeTruthy();
  });

  it('refuses what the browser says is not same-origin, even without an Origin header', async () => {
    for (const site of ['same-site', 'cross-site', 'none']) {
      const res = await post({ 'sec-fetch-site': site, 'content-type': 'application/json' }, '{}');
      expect(res.statusCode, site).toBe(403);
      expect(res.json().error.code, site).toBe('AUTH_CROSS_ORIGIN_REFUSED');
    }
    const opaque = await post({ origin: 'null', 'content-type': 'application/json' }, '{}');
    expect(opaque.statusCode).toBe(403);
  });

  it('refuses a cookie call that shows no origin at all and no JSON body (what an old browser’s form or no-cors fetch would send)', async () => {
    const res = await post({});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH_CROSS_ORIGIN_REFUSED');
  });

  it('refuses form content types even from the node’s own origin: a body must be JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await post({ origin: 'http://localhost', 'content-type': type }, 'a=b');
      expect(res.statusCode, type).toBe(415);
      expect(res.json().error.code, type).toBe('AUTH_JSON_BODY_REQUIRED');
    }
  });

  it('accepts the app’s own calls: same origin (the Host, or the public URL) with JSON, or same-origin per Sec-Fetch-Site', async () => {
    expect((await post({ origin: 'http://localhost', 'content-type': 'application/json' }, '{}')).statusCode).toBe(200);
    expect((await post({ 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }, '{}')).statusCode).toBe(
      200,
    );
    // Behind a proxy the browser's origin is the public URL.
    expect(
      (await post({ origin: 'https://crossline.example.org', 'content-type': 'application/json' }, '{}')).statusCode,
    ).toBe(200);
    // A client that shows no origin but sends JSON cannot be a cross-site page: no browser sends that cross-site without CORS.
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      cookies: { [COOKIE]: cookie },
      payload: { displayName: 'Renamed by JSON' },
    });
    expect(patched.statusCode).toBe(200);
  });

  it('leaves bearer-token calls and reads alone', async () => {
    const viaBearer = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { ...bearer(token), origin: 'http://evil.example', 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(viaBearer.statusCode).toBe(200);
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { [COOKIE]: cookie },
      headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(read.statusCode).toBe(200);
  });

  it('refuses it before the route runs: nothing was changed', async () => {
    const before = await t.ctx.db.query<{ seq: number }>('SELECT seq FROM audit_head');
    await post({ origin: 'http://localhost:8080', 'content-type': 'text/plain' }, 'x=y');
    await post({ origin: 'http://localhost:8080' }, undefined, '/api/auth/logout');
    const after = await t.ctx.db.query<{ seq: number }>('SELECT seq FROM audit_head');
    expect(after[0]!.seq).toBe(before[0]!.seq);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { [COOKIE]: cookie } })).statusCode).toBe(
      200,
    );
  });
});
