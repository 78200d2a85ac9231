// /metrics tells who peers with whom and how much they exchange: it is not public. On the node's
// own port it answers only a scrape token (`metricsToken`, Bearer); a separate listener
// (`metricsHost`/`metricsPort`, loopback by default) serves it for a scraper on a private network.
// /api/docs carries the same Content-Security-Policy and frame headers as the web app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { SECURITY_HEADERS } from '../../src/http/plugins/web.js';
import { startNode, type RunningNode } from '../../src/node.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestStore, type TestStore } from '../support/test-context.js';

const TOKEN = 'metrics-scrape-token-0123456789abcdef';

describe('metrics and API docs on the node port', () => {
  let open: TestApp;
  let guarded: TestApp;
  beforeAll(async () => {
    open = await createTestApp('embedded');
    guarded = await createTestApp('embedded', { metricsToken: TOKEN });
  });
  afterAll(async () => {
    await open?.close();
    await guarded?.close();
  });

  it('does not serve /metrics to anyone by default', async () => {
    const res = await open.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('crossline_');
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('serves /metrics for the scrape token only', async () => {
    for (const authorization of [
      undefined,
      'Bearer wrong-token-0123456789abcdef',
      `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`,
      TOKEN,
    ]) {
      const res = await guarded.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: authorization ? { authorization } : {},
      });
      expect(res.statusCode, String(authorization)).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(res.body).not.toContain('crossline_');
    }
    const ok = await guarded.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('crossline_http_requests_total');
  });

  it('refuses a scrape token too short to resist guessing', () => {
    expect(() => loadConfig({ dataDir: '/tmp/x', metricsToken: 'short' }, {})).toThrow(/metricsToken/);
  });

  it("sends the app's CSP and frame headers with the API docs", async () => {
    const index = await open.app.inject({ method: 'GET', url: '/api/docs' });
    const page =
      index.statusCode === 302
        ? await open.app.inject({ method: 'GET', url: index.headers.location as string })
        : index;
    expect(page.statusCode).toBe(200);
    for (const res of [index, page, await open.app.inject({ method: 'GET', url: '/api/docs/static/index.html' })]) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(res.headers[name], `${res.statusCode} ${name}`).toBe(value);
    }
  });
});

describe('metrics on a separate listener', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-metrics-'));
  let store: TestStore;
  let node: RunningNode;
  beforeAll(async () => {
    store = await createTestStore('embedded');
    node = await startNode(
      loadConfig(
        {
          dataDir: dir,
          port: 0,
          metricsPort: 0,
          nodeId: 'cn-metrics',
          logLevel: 'silent',
          deadlineSweepSeconds: 3600,
          databaseUrl: store.databaseUrl,
        },
        {},
      ),
    );
  });
  afterAll(async () => {
    await node?.stop();
    await store?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves /metrics on metricsHost:metricsPort (loopback by default) and nothing else there', async () => {
    expect(node.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(node.metricsUrl).not.toBe(node.url);
    const scraped = await fetch(`${node.metricsUrl}/metrics`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('crossline_http_requests_total');
    expect((await fetch(`${node.metricsUrl}/api/openapi.json`)).status).toBe(404);
    expect((await fetch(`${node.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${node.url}/health`)).status).toBe(200);
  });
});
