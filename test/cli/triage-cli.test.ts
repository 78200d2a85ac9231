// `crossline triage list` as an operator runs it: a real process on a node's data directory listing
// the reports from the public (text and JSON), and refusing an unknown status with exit code 2.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openNodeContext } from '../../src/node.js';
import { submitPublicReport } from '../../src/services/public-report/submit-public-report.js';
import type { ReportInput } from '../../src/domain/public-report/index.js';
import { zhFraudReport } from '../support/public-report-fixtures.js';
import { crossline } from '../support/cli.js';

describe('crossline triage list', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-triage-cli-'));
  const receipts: string[] = [];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    expect(
      (await crossline('init', '--data-dir', dir, '--node-id', 'cn-cli', '--admin-password', 'admin password 123'))
        .code,
    ).toBe(0);
    // Two reports through the real service while no CLI process holds the store.
    const ctx = await openNodeContext(loadConfig({ dataDir: dir, nodeId: 'cn-cli', logLevel: 'silent' }));
    try {
      const report = zhFraudReport() as unknown as ReportInput;
      receipts.push((await submitPublicReport(ctx, report, [], { clientIp: '192.0.2.1' })).receipt);
      receipts.push(
        (await submitPublicReport(ctx, { ...report, category: 'illegal_content' }, [], { clientIp: '192.0.2.2' }))
          .receipt,
      );
    } finally {
      await ctx.db.close();
    }
  }, 120_000);

  it('lists the queue, filters by category, and prints JSON lines for scripts', async () => {
    const text = await crossline('triage', 'list', '--data-dir', dir);
    expect(text.code, text.stderr).toBe(0);
    for (const r of receipts) expect(text.stdout).toContain(r);
    expect(text.stdout).toContain('2 of 2 reports; 0 automated submissions discarded');

    const json = await crossline('triage', 'list', '--category', 'fraud', '--json', '--data-dir', dir);
    const rows = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ receipt: receipts[0], status: 'received', category: 'fraud' });
    expect(rows[0]!.indicators).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('refuses an unknown status with exit code 2 and a bilingual error', async () => {
    const bad = await crossline('triage', 'list', '--status', 'lost', '--data-dir', dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('INVALID_INPUT');
  }, 60_000);
});
