// Receipts of public reports across the federation: two nodes (different node ids, each its own
// master key) give disjoint series from their first report on — the US and China nodes once both
// issued CL-2026-7CFFEX — each receipt carries its node's code, a configured code is used instead
// of the derived one, and a receipt issued in the earlier form still checks its report's status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReceipt, receiptNodeCode } from '../../src/domain/public-report/receipt.js';
import { receiptSeries } from '../../src/services/public-report/receipt-series.js';
import { hashStatusCode } from '../../src/services/public-report/status-code.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';
import { zhFraudReport } from '../support/public-report-fixtures.js';

type Json = Record<string, any>;

describe.each(STORES)('public report receipts across nodes (%s)', (store) => {
  let cn: TestApp;
  let us: TestApp;
  let ip = 0;
  beforeAll(async () => {
    cn = await createTestApp(store, { nodeId: 'cn-mps' });
    us = await createTestApp(store, { nodeId: 'us-fbi' });
  }, 120_000);
  afterAll(async () => {
    await cn?.close();
    await us?.close();
  });

  const submit = async (t: TestApp) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      payload: zhFraudReport(),
      remoteAddress: `203.0.113.${++ip}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Json;
  };
  const status = (t: TestApp, receipt: string, code: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/reports/status',
      payload: { receipt, code },
      remoteAddress: `203.0.113.${++ip}`,
    });

  it('two nodes issue disjoint receipts, each with its own node code, from the first report on', async () => {
    const fromCn: string[] = [];
    const fromUs: string[] = [];
    for (let i = 0; i < 3; i++) {
      fromCn.push((await submit(cn)).receipt);
      fromUs.push((await submit(us)).receipt);
    }
    for (const r of [...fromCn, ...fromUs]) expect(r).toMatch(/^CL-2026-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(fromCn.every((r) => r.slice(8, 12) === receiptNodeCode('cn-mps'))).toBe(true);
    expect(fromUs.every((r) => r.slice(8, 12) === receiptNodeCode('us-fbi'))).toBe(true);
    // Not the same series with another prefix either: the scrambled counters differ.
    expect(fromCn.map((r) => r.slice(13))).not.toEqual(fromUs.map((r) => r.slice(13)));
    expect(new Set([...fromCn, ...fromUs]).size).toBe(6);
  });

  it('a receipt of the earlier form (no node code) still checks its report', async () => {
    const { receipt, statusCode } = await submit(cn);
    // As a report stored before this change: its receipt and the code hash bound to it.
    const legacy = 'CL-2026-7CFFEX';
    await cn.ctx.db.query('UPDATE public_reports SET receipt = $2, code_hash = $3 WHERE receipt = $1', [
      receipt,
      legacy,
      hashStatusCode(legacy, statusCode),
    ]);
    const ok = await status(cn, ' cl-2026-7cffex ', statusCode);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ receipt: legacy, status: 'received' });
    expect((await status(cn, legacy, 'WRONGCODE2')).statusCode).toBe(404);
  });

  it('skips a receipt already given instead of failing the report (a node whose key or code changed within the year)', async () => {
    const { receipt } = await submit(us);
    const counter = Number(
      (await us.ctx.db.query<{ value: number }>(`SELECT value FROM counters WHERE name = 'PUBLIC_REPORT:2026'`))[0]!
        .value,
    );
    // The receipt the next counter gives is already held by a report (as after such a change).
    const next = formatReceipt(receiptSeries(us.ctx), 2026, counter + 1);
    await us.ctx.db.query('UPDATE public_reports SET receipt = $2 WHERE receipt = $1', [receipt, next]);
    const after = await submit(us);
    expect(after.receipt).toBe(formatReceipt(receiptSeries(us.ctx), 2026, counter + 2));
  });

  it('uses a configured node code instead of the derived one', async () => {
    const other = await createTestApp(store, { nodeId: 'vn-mps', receiptNodeCode: 'vn01' });
    try {
      const res = await other.app.inject({
        method: 'POST',
        url: '/api/public/reports',
        payload: zhFraudReport(),
        remoteAddress: '203.0.113.250',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect((res.json() as Json).receipt).toMatch(/^CL-2026-VN01-[0-9A-HJKMNP-TV-Z]{6}$/);
    } finally {
      await other.close();
    }
  }, 120_000);
});
