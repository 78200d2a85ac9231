// The TAXII client against another in-process node's TAXII server: a feed (credentials sealed,
// Basic auth with an API token) pulls a party-scoped collection, validates every object, lists the
// invalid ones, and continues from its watermark so that "nothing new" is one objects request;
// a failing feed records its error; due feeds run from the worker's sweep; pulled values correlate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordObservables } from '../../src/services/intel/record-observables.js';
import { insertStixObjects } from '../../src/storage/repositories/intel-object.repository.js';
import { runDueFeeds, runFeed } from '../../src/services/intel/taxii-run-feed.js';
import type { StixObject } from '../../src/intel/stix/types.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';
import { indicator } from '../support/stix-samples.js';

const TAXII = 'application/taxii+json;version=2.1';
type Json = Record<string, any>;

describe.each(STORES)('TAXII client and feeds (%s)', (store) => {
  let source: TestApp;
  let target: TestApp;
  let sourceUrl: string;
  let writerToken: string;
  let pullerToken: string;
  let adminToken: string;
  let shared: Json;

  const apiToken = async (t: TestApp, sessionToken: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer(sessionToken),
      payload: { name: 'taxii' },
    });
    return (res.json() as Json).token as string;
  };
  const push = async (objects: unknown[]) => {
    const res = await fetch(`${sourceUrl}/taxii2/api/collections/${shared.id}/objects/`, {
      method: 'POST',
      headers: { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${writerToken}` },
      body: JSON.stringify({ objects }),
    });
    expect(res.status).toBe(202);
  };
  const targetApi = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    target.app.inject({ method, url, headers: bearer(adminToken), ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    source = await createTestApp(store);
    await source.app.listen({ port: 0, host: '127.0.0.1' });
    const address = source.app.server.address();
    sourceUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const sourceAdmin = await source.userWith(['admin']);
    writerToken = await apiToken(source, (await source.userWith(['analyst'])).token);
    const puller = await source.userWith(['read_only'], 'cn-target-feed');
    pullerToken = await apiToken(source, puller.token);
    await source.app.inject({
      method: 'PUT',
      url: `/api/intel/party-accounts/${puller.userId}`,
      headers: bearer(sourceAdmin.token),
      payload: { party: 'cn-target' },
    });
    const created = await source.app.inject({
      method: 'POST',
      url: '/api/intel/collections',
      headers: bearer(sourceAdmin.token),
      payload: { title: 'Phishing for partners', alias: 'partners', readers: ['cn-target'], maxTlp: 'GREEN' },
    });
    shared = created.json() as Json;

    target = await createTestApp(store);
    adminToken = (await target.userWith(['admin'])).token;
  }, 300_000); // several users (argon2) and a migrated store on a shared machine
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  let feed: Json;

  it('a feed pulls what the party may see, lists invalid objects, and is incremental', async () => {
    await push([indicator(1, { tlp: 'GREEN' }), indicator(2), indicator(3, { tlp: 'AMBER' })]);
    // An object the source stored without validation (e.g. by an older version): the puller refuses it.
    const broken = { ...indicator(4), pattern_type: undefined } as unknown as StixObject;
    await insertStixObjects(source.ctx.db, shared.id, [broken], 'test', source.clock.now());

    // A case on the target already holds the domain of indicator 1: the pull must correlate it.
    await target.ctx.db.transaction((tx) =>
      recordObservables(
        tx,
        target.ctx,
        { kind: 'case', id: 'case-phish', label: 'CN-CASE-1' },
        [{ type: 'domain', value: 'phish-1.example.com' }],
        target.clock.now(),
      ),
    );
    const created = await targetApi('POST', '/api/intel/feeds', {
      name: 'Partner phishing',
      url: `${sourceUrl}/taxii2/`,
      collection: 'partners',
      targetCollection: 'local',
      auth: { kind: 'basic', username: 'cn-target-feed', password: pullerToken },
      intervalMinutes: 30,
    });
    expect(created.statusCode, created.body).toBe(201);
    feed = created.json() as Json;
    expect(feed.auth).toEqual({ kind: 'basic', username: 'cn-target-feed', hasSecret: true });
    expect(JSON.stringify(feed)).not.toContain(pullerToken);
    const rows = await target.ctx.db.query<{ secret_sealed: string }>(
      'SELECT secret_sealed FROM taxii_feeds WHERE id = $1',
      [feed.id],
    );
    expect(rows[0]?.secret_sealed).toMatch(/^v1\./);
    expect(rows[0]?.secret_sealed).not.toContain(pullerToken);

    const first = (await targetApi('POST', `/api/intel/feeds/${feed.id}/pull`)).json() as Json;
    expect(first.error).toBeNull();
    expect(first.summary).toMatchObject({ imported: 2, duplicates: 0, invalidCount: 1 });
    expect(first.summary.invalid[0].id).toBe(broken.id);
    expect(first.feed.watermark).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(first.feed.lastResult).toMatchObject({ imported: 2, invalid: 1 });
    const stored = await target.ctx.db.query<{ source: string }>(
      `SELECT source FROM intel_objects WHERE source LIKE 'taxii:%'`,
    );
    expect(stored).toHaveLength(2);
    expect(stored[0]!.source).toBe(`taxii:${feed.id}`);
    const alerts = await target.ctx.db.query(
      `SELECT a_kind, b_kind, b_id, matches FROM correlation_alerts WHERE b_id = 'case-phish' OR a_id = 'case-phish'`,
    );
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts[0]!.matches)).toContain('phish-1.example.com');

    // Nothing new: exactly one objects request, nothing imported.
    const urls: string[] = [];
    const counting: typeof fetch = (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    const second = await runFeed(target.ctx, feed.id, counting);
    expect(second.error).toBeUndefined();
    expect(second.summary).toMatchObject({ imported: 0, duplicates: 0, invalid: [], requests: 1 });
    expect(urls).toHaveLength(1);
    expect(urls[0]).toContain('/objects/?');
    expect(urls[0]).toContain('added_after=');

    // Something new: only that arrives.
    source.clock.advance(60_000);
    await push([indicator(5, { tlp: 'CLEAR' })]);
    const third = await runFeed(target.ctx, feed.id);
    expect(third.summary).toMatchObject({ imported: 1, duplicates: 0 });
  });

  it('a failing feed records its error and the sweep goes on; due feeds run from the worker sweep', async () => {
    const dead = await targetApi('POST', '/api/intel/feeds', {
      name: 'Unreachable',
      url: 'http://127.0.0.1:9/taxii2/',
      collection: 'x',
      intervalMinutes: 5,
    });
    expect(dead.statusCode, dead.body).toBe(201);
    const deadId = (dead.json() as Json).id as string;
    const pulled = (await targetApi('POST', `/api/intel/feeds/${deadId}/pull`)).json() as Json;
    expect(pulled.error).toMatch(/cannot reach server/);
    expect(pulled.feed.lastError).toMatch(/cannot reach server/);

    // Both feeds are due again after their intervals; the sweep runs both, the dead one fails alone.
    target.clock.advance(31 * 60_000);
    const runs = await runDueFeeds(target.ctx);
    expect(runs.map((r) => r.feedId).sort()).toEqual([deadId, feed.id].sort());
    expect(runs.find((r) => r.feedId === feed.id)?.summary).toMatchObject({ imported: 0, requests: 1 });
    expect(runs.find((r) => r.feedId === deadId)?.error).toBeTruthy();
    const list = (await targetApi('GET', '/api/intel/feeds')).json() as Json;
    expect(list.items.find((f: Json) => f.id === deadId).lastError).toBeTruthy();
  });

  it('wrong credentials are a clear error on the feed', async () => {
    const res = await targetApi('PATCH', `/api/intel/feeds/${feed.id}`, {
      auth: { kind: 'bearer', token: 'clt_wrong' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const pulled = (await targetApi('POST', `/api/intel/feeds/${feed.id}/pull`)).json() as Json;
    expect(pulled.error).toMatch(/HTTP 401/);
  });
});
