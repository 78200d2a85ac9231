// `crossline report` as an operator runs it: a real process on a node's data directory writing a
// PDF and a CSV of the current year, plus the refusals (bad period, unknown format) with exit code 2.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openNodeContext } from '../../src/node.js';
import { actOnRequest } from '../../src/services/request/act-on-request.js';
import { createDraftRequest } from '../../src/services/request/create-request-draft.js';
import { viewerByUsername } from '../../src/services/report/report-viewer.js';
import { preservationDraft } from '../factories.js';
import { pdfText } from '../support/pdf-text.js';
import { crossline } from '../support/cli.js';

describe('crossline report', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-report-cli-'));
  const year = String(new Date().getUTCFullYear());
  let requestId = '';
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    expect(
      (await crossline('init', '--data-dir', dir, '--node-id', 'cn-cli', '--admin-password', 'admin password 123'))
        .code,
    ).toBe(0);
    expect(
      (await crossline('users', 'add', 'li.qiang', '--role', 'investigator', '--name', '李强', '--data-dir', dir)).code,
    ).toBe(0);
    // One submitted request, made through the real services while no CLI process holds the store.
    const ctx = await openNodeContext(loadConfig({ dataDir: dir, nodeId: 'cn-cli', logLevel: 'silent' }));
    try {
      const actor = await viewerByUsername(ctx, 'li.qiang');
      const draft = await createDraftRequest(ctx, actor, preservationDraft() as never);
      requestId = draft.id;
      await actOnRequest(ctx, actor, draft.id, { action: 'submit' });
    } finally {
      await ctx.db.close();
    }
  }, 120_000);

  it('writes a PDF of the year with Chinese and English text, and says what it wrote on stderr', async () => {
    const out = path.join(dir, 'year.pdf');
    const res = await crossline('report', '--data-dir', dir, '--period', year, '--format', 'pdf', '--out', out);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/tables, \d+ rows, \d+ bytes → .*year\.pdf/);
    const text = await pdfText(readFileSync(out));
    expect(text).toContain('协助请求');
    expect(text).toContain('Requests for assistance');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('writes a CSV with a BOM counting the submitted request', async () => {
    const out = path.join(dir, 'year.csv');
    const res = await crossline(
      'report',
      '--data-dir',
      dir,
      '--period',
      year,
      '--format',
      'csv',
      '--locale',
      'en',
      '--out',
      out,
    );
    expect(res.code, res.stderr).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFFtable,item,item_zh,value\r\n')).toBe(true);
    expect(csv).toContain('\r\nrequests_by_status,outgoing,preservation,submitted,1\r\n');
  }, 60_000);

  it('reports one request as the user named by --as', async () => {
    const res = await crossline(
      'report',
      '--data-dir',
      dir,
      '--request',
      requestId,
      '--as',
      'li.qiang',
      '--format',
      'json',
    );
    expect(res.code, res.stderr).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.kind).toBe('request');
    expect(doc.tables.map((t: { id: string }) => t.id)).toEqual(['deadlines', 'history', 'deliveries']);
  }, 60_000);

  it('refuses a bad period or format with exit code 2 and a bilingual message, writing no file', async () => {
    const out = path.join(dir, 'bad.pdf');
    const bad = await crossline('report', '--data-dir', dir, '--period', '2026-Q9', '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('REPORT_PERIOD_INVALID');
    expect(bad.stderr).toMatch(/[\u4e00-\u9fff]/);
    const fmt = await crossline('report', '--data-dir', dir, '--period', year, '--format', 'docx', '--out', out);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain('REPORT_FORMAT_INVALID');
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
