// `crossline taxii pull URL COLLECTION` as a user runs it: a real process pulling from a listening
// node's TAXII server into a fresh data dir, the summary, and an incremental second pull; a pull
// from a server that fails half-way exits non-zero with what it stored and where to continue.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { indicator } from '../support/stix-samples.js';
import { crossline } from '../support/cli.js';
import { startFakeTaxiiServer } from '../support/fake-taxii-server.js';

const TAXII = 'application/taxii+json;version=2.1';
type Json = Record<string, any>;

describe('crossline taxii pull', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-taxii-cli-'));
  let source: TestApp;
  let url: string;
  let token: string;
  beforeAll(async () => {
    source = await createTestApp('embedded');
    await source.app.listen({ port: 0, host: '127.0.0.1' });
    const address = source.app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/taxii2/`;
    const analyst = await source.userWith(['analyst']);
    token = (
      (
        await source.app.inject({
          method: 'POST',
          url: '/api/tokens',
          headers: bearer(analyst.token),
          payload: { name: 'cli' },
        })
      ).json() as Json
    ).token;
    const res = await fetch(`${url}api/collections/local/objects/`, {
      method: 'POST',
      headers: { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${token}` },
      body: JSON.stringify({ objects: [indicator(1), indicator(2, { tlp: 'GREEN' }), indicator(3)] }),
    });
    expect(res.status).toBe(202);
  });
  afterAll(async () => {
    await source?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pulls a collection by alias into the local collection, then only what is new', async () => {
    expect(
      (await crossline('init', '--data-dir', dir, '--node-id', 'cn-puller', '--admin-password', 'admin password 123'))
        .code,
    ).toBe(0);
    const first = await crossline(
      'taxii',
      'pull',
      url,
      'local',
      '--user',
      'analyst',
      '--password',
      token,
      '--data-dir',
      dir,
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('imported 3, duplicates 0, invalid 0');
    const watermark = /--added-after (\S+)/.exec(first.stdout)?.[1];
    expect(watermark).toBeDefined();

    const again = await crossline(
      'taxii',
      'pull',
      url,
      'Crossline indicators',
      '--token',
      token,
      '--data-dir',
      dir,
      '--json',
    );
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, duplicates: 3, pages: 1 });
    const incremental = await crossline(
      'taxii',
      'pull',
      url,
      'local',
      '--token',
      token,
      '--added-after',
      watermark!,
      '--data-dir',
      dir,
      '--json',
    );
    expect(JSON.parse(incremental.stdout)).toMatchObject({ imported: 0, duplicates: 0, requests: 1 });

    const refused = await crossline('taxii', 'pull', url, 'local', '--token', 'clt_wrong', '--data-dir', dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/HTTP 401/);
  }, 300_000); // five node processes (init, four pulls) on a shared machine

  it('a pull that fails half-way exits 2 with the counts and the watermark of what it stored; the next pull gets the rest', async () => {
    const remote = await startFakeTaxiiServer({ paging: 'same-next', objects: 250, pageCap: 100, failRequest: 2 });
    try {
      const first = await crossline('taxii', 'pull', remote.url, 'remote', '--data-dir', dir);
      expect(first.code).toBe(2);
      expect(first.stdout).toContain('imported 100, duplicates 0, invalid 0');
      expect(first.stderr).toMatch(/HTTP 500.*ended early after 1 page/);
      expect(first.stdout).toContain(`--added-after ${remote.dateAdded[99]}`);

      const rest = await crossline(
        'taxii',
        'pull',
        remote.url,
        'remote',
        '--added-after',
        remote.dateAdded[99]!,
        '--data-dir',
        dir,
        '--json',
      );
      expect(rest.code).toBe(0);
      expect(JSON.parse(rest.stdout)).toMatchObject({
        imported: 150,
        duplicates: 0,
        complete: true,
        error: null,
        watermark: remote.dateAdded[249],
      });
      const none = await crossline(
        'taxii',
        'pull',
        remote.url,
        'remote',
        '--added-after',
        remote.dateAdded[249]!,
        '--data-dir',
        dir,
        '--json',
      );
      expect(JSON.parse(none.stdout)).toMatchObject({ imported: 0, duplicates: 0, requests: 1 });
    } finally {
      await remote.close();
    }
  }, 300_000);
});
