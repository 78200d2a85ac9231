// TAXII feeds against servers that page differently (the spec lets the server choose): one `next`
// token for every page of a query, no `next` at all (added_after from X-TAXII-Date-Added-Last), a
// failure half-way, and a server that replays one page forever. Every object must arrive, the
// counts and the watermark must be right, a pull that ends early must say so (with what it stored),
// and a later pull must fetch nothing twice.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runFeed } from '../../src/services/intel/taxii-run-feed.js';
import { findFeed } from '../../src/storage/repositories/taxii-feed.repository.js';
import { startFakeTaxiiServer, type FakeTaxiiOptions, type FakeTaxiiServer } from '../support/fake-taxii-server.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';

type Json = Record<string, any>;

describe.each(STORES)('TAXII feeds and server paging (%s)', (store) => {
  let target: TestApp;
  let adminToken: string;
  let remote: FakeTaxiiServer | undefined;

  beforeAll(async () => {
    target = await createTestApp(store);
    adminToken = (await target.userWith(['admin'])).token;
  }, 300_000);
  afterEach(async () => {
    await remote?.close();
    remote = undefined;
  });
  afterAll(async () => {
    await target?.close();
  });

  const feedFor = async (options: FakeTaxiiOptions) => {
    remote = await startFakeTaxiiServer(options);
    const res = await target.app.inject({
      method: 'POST',
      url: '/api/intel/feeds',
      headers: bearer(adminToken),
      payload: {
        name: `Remote ${options.paging}`,
        url: remote.url,
        collection: 'remote',
        targetCollection: 'local',
        intervalMinutes: 30,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as Json).id as string;
  };
  const pullNow = async (feedId: string) => {
    const res = await target.app.inject({
      method: 'POST',
      url: `/api/intel/feeds/${feedId}/pull`,
      headers: bearer(adminToken),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Json;
  };
  const storedIds = async (feedId: string) =>
    (
      await target.ctx.db.query<{ stix_id: string }>('SELECT stix_id FROM intel_objects WHERE source = $1', [
        `taxii:${feedId}`,
      ])
    )
      .map((r) => r.stix_id)
      .sort();

  it('follows a server that sends the same next token on every page until more is false', async () => {
    const feedId = await feedFor({ paging: 'same-next', objects: 2088, pageCap: 100 });
    const first = await pullNow(feedId);
    expect(first.error).toBeNull();
    expect(first.summary).toMatchObject({ imported: 2088, duplicates: 0, invalidCount: 0, pages: 21, complete: true });
    expect(first.feed.lastError).toBeNull();
    expect(first.feed.watermark).toBe(remote!.dateAdded[2087]);
    expect(await storedIds(feedId)).toEqual(remote!.objects.map((o) => o.id).sort());

    // Nothing new: one request from the watermark; something new: only that.
    const again = await runFeed(target.ctx, feedId);
    expect(again.summary).toMatchObject({ imported: 0, duplicates: 0, requests: 1, complete: true });
    remote!.add(5);
    const newer = await runFeed(target.ctx, feedId);
    expect(newer.summary).toMatchObject({ imported: 5, duplicates: 0, complete: true });
    expect((await findFeed(target.ctx.db, feedId))!.watermark).toBe(remote!.dateAdded[2092]);
  }, 120_000);

  it('pages by X-TAXII-Date-Added-Last as added_after when the server sends no next', async () => {
    const feedId = await feedFor({ paging: 'added-after-only', objects: 250, pageCap: 100 });
    const first = await pullNow(feedId);
    expect(first.error).toBeNull();
    expect(first.summary).toMatchObject({ imported: 250, duplicates: 0, pages: 3, requests: 3, complete: true });
    expect(first.feed.watermark).toBe(remote!.dateAdded[249]);
    // Each later page asked for what came after the last page's newest object.
    expect(remote!.requests.map((q) => q.get('added_after'))).toEqual([
      null,
      remote!.dateAdded[99],
      remote!.dateAdded[199],
    ]);
    expect(await storedIds(feedId)).toEqual(remote!.objects.map((o) => o.id).sort());
    const again = await runFeed(target.ctx, feedId);
    expect(again.summary).toMatchObject({ imported: 0, duplicates: 0, requests: 1, complete: true });
  }, 60_000);

  it('a pull that fails half-way is an error with counts, keeps what it stored, and the next pull fetches only the rest', async () => {
    const feedId = await feedFor({ paging: 'same-next', objects: 250, pageCap: 100, failRequest: 2 });
    const first = await pullNow(feedId);
    expect(first.error).toMatch(/HTTP 500/);
    expect(first.error).toMatch(/imported 100/);
    expect(first.summary).toMatchObject({ imported: 100, duplicates: 0, pages: 1, complete: false });
    expect(first.feed.lastError).toMatch(/HTTP 500/);
    expect(first.feed.lastResult).toMatchObject({ imported: 100, duplicates: 0, invalid: 0 });
    // The watermark stands at the last object stored, not past the ones never fetched.
    expect(first.feed.watermark).toBe(remote!.dateAdded[99]);
    expect(await storedIds(feedId)).toHaveLength(100);

    const second = await runFeed(target.ctx, feedId);
    expect(second.error).toBeUndefined();
    expect(second.summary).toMatchObject({ imported: 150, duplicates: 0, complete: true });
    expect(await storedIds(feedId)).toEqual(remote!.objects.map((o) => o.id).sort());
    const feed = await findFeed(target.ctx.db, feedId);
    expect(feed).toMatchObject({ watermark: remote!.dateAdded[249], lastError: null });
    const third = await runFeed(target.ctx, feedId);
    expect(third.summary).toMatchObject({ imported: 0, duplicates: 0, requests: 1 });
  }, 60_000);

  it('a server that replays the same page is stopped by the loop guard and reported, not taken as the end', async () => {
    const feedId = await feedFor({ paging: 'replay', objects: 250, pageCap: 100 });
    const first = await pullNow(feedId);
    expect(first.error).toMatch(/same page/);
    expect(first.summary).toMatchObject({ imported: 100, complete: false });
    expect(first.feed.lastError).toMatch(/same page/);
    expect(first.feed.watermark).toBe(remote!.dateAdded[99]);
    // It gave up after the replay was seen, not after thousands of requests.
    expect(remote!.requests.length).toBeLessThanOrEqual(3);
  }, 60_000);
});
