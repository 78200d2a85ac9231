// The node serves the web UI: assets with long caching, index.html for deep links (with security
// headers), API paths still answered as JSON errors, and a bilingual hint when the UI is not built.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/http/app.js';
import { createTestContext, type TestContext } from '../support/test-context.js';

describe('web UI plugin', () => {
  let tc: TestContext;
  let built: App;
  let missing: App;
  const dist = mkdtempSync(path.join(tmpdir(), 'crossline-dist-'));

  beforeAll(async () => {
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    tc = await createTestContext('embedded');
    built = await buildApp({ ctx: tc.ctx, webDir: dist });
    missing = await buildApp({ ctx: tc.ctx, webDir: path.join(dist, 'nope') });
  });

  afterAll(async () => {
    await built?.close();
    await missing?.close();
    await tc?.cleanup();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers deep links with index.html, uncached and with a content security policy', async () => {
    const res = await built.inject({ method: 'GET', url: '/requests/123?tab=history' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('serves hashed assets for a year and top-level files as themselves', async () => {
    const asset = await built.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(String(asset.headers['cache-control'])).toContain('immutable');
    const icon = await built.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.headers['content-type']).toContain('image/svg+xml');
  });

  it('keeps API, federation and operations paths out of the app', async () => {
    for (const url of ['/api/nothing-here', '/federation/v9/nothing', '/ready/x']) {
      const res = await built.inject({ method: 'GET', url });
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.statusCode).toBe(404);
    }
    expect((await built.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
  });

  it('says how to build the UI, in both languages, when it is missing', async () => {
    const res = await missing.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
    expect(res.body).toContain('网页界面尚未构建');
  });
});
