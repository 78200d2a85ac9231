// `crossline import stix` and `crossline export stix` as a user runs them: real processes, a bundle
// file with good and broken objects, the summary, the --report file, and export → same objects.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goodObjects } from '../../src/intel/stix/test-objects.js';
import { crossline } from '../support/cli.js';

describe('crossline import stix / export stix', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-stix-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const good = Object.values(goodObjects());

  it('imports a bundle file, reports the invalid objects, and exports the same objects back', async () => {
    expect(
      (await crossline('init', '--data-dir', dir, '--node-id', 'cn-stix', '--admin-password', 'admin password 123'))
        .code,
    ).toBe(0);
    const bundleFile = path.join(dir, 'in.json');
    const broken = [
      {
        type: 'malware',
        id: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b58999',
        spec_version: '2.1',
        created: '2026-01-01T00:00:00.000Z',
        modified: '2026-01-01T00:00:00.000Z',
      },
    ];
    writeFileSync(
      bundleFile,
      `\ufeff${JSON.stringify({ objects: [...good, ...broken], id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', type: 'bundle' }, null, 1)}`,
    );
    const reportFile = path.join(dir, 'report.jsonl');

    const first = await crossline('import', 'stix', bundleFile, '--report', reportFile, '--data-dir', dir);
    expect(first.stdout).toContain(`imported ${good.length}, duplicates 0, invalid 1 of ${good.length + 1} objects`);
    expect(first.stdout).toMatch(
      /#\d+ malware malware--31b940d4-6f7f-459a-80ea-9c1f17b58999: is_family – Required property is_family is missing/,
    );
    expect(first.code).toBe(1); // some objects were refused
    const report = readFileSync(reportFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { index: number; issues: { code: string }[] });
    expect(report).toEqual([
      expect.objectContaining({ index: good.length, issues: [expect.objectContaining({ code: 'required' })] }),
    ]);

    const again = await crossline('import', 'stix', bundleFile, '--json', '--no-correlate', '--data-dir', dir);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, duplicates: good.length, invalidCount: 1 });

    const outFile = path.join(dir, 'out.json');
    const exported = await crossline('export', 'stix', '--out', outFile, '--data-dir', dir);
    expect(exported.code).toBe(0);
    const bundle = JSON.parse(readFileSync(outFile, 'utf8')) as { type: string; objects: { id: string }[] };
    expect(bundle.type).toBe('bundle');
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...bundle.objects].sort(byId)).toEqual([...good].sort(byId));

    const onlyDomains = await crossline('export', 'stix', '--type', 'domain-name', '--data-dir', dir);
    expect((JSON.parse(onlyDomains.stdout) as { objects: { type: string }[] }).objects.map((o) => o.type)).toEqual([
      'domain-name',
    ]);

    const missing = await crossline('import', 'stix', bundleFile, '--collection', 'nope', '--data-dir', dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('INTEL_STIX_COLLECTION_NOT_FOUND');
    writeFileSync(bundleFile, '{"type":"bundle","objects":[{"a":1}');
    const truncated = await crossline('import', 'stix', bundleFile, '--data-dir', dir);
    expect(truncated.code).toBe(2);
    expect(truncated.stderr).toMatch(/INTEL_STIX_MALFORMED.*truncated/);
  }, 120_000);
});
