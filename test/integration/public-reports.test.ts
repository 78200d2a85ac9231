// Reports from the public on both stores: submission with an encrypted screenshot, indicators from
// the form and the story, the triage queue and its filters, suggested duplicates and merging, and
// one action that turns reports into a case with observables, evidence and custody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';
import { pngBytes, zhFraudReport } from '../support/public-report-fixtures.js';

type Json = Record<string, any>;

describe.each(STORES)('public reports and triage (%s)', (store) => {
  let t: TestApp;
  let analyst: { token: string; userId: string };
  let reader: { token: string };
  let ip = 0;
  beforeAll(async () => {
    t = await createTestApp(store);
    analyst = await t.userWith(['analyst']);
    reader = await t.userWith(['read_only']);
  });
  afterAll(async () => {
    await t?.close();
  });

  const submit = async (payload: object) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      payload,
      remoteAddress: `203.0.113.${++ip}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { receipt: string; statusCode: string };
  };
  const call = (method: 'GET' | 'POST', token: string, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  const idOf = async (receipt: string) =>
    (await t.ctx.db.query<{ id: string }>('SELECT id FROM public_reports WHERE receipt = $1', [receipt]))[0]!.id;
  const publicStatus = async (r: { receipt: string; statusCode: string }) =>
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/public/reports/status',
        payload: { receipt: r.receipt, code: r.statusCode },
        remoteAddress: '192.0.2.1',
      })
    ).json().status;

  it('stores the screenshot encrypted, never the plaintext, and gives it back intact to triage (audited)', async () => {
    const png = pngBytes(4);
    const r = await submit(
      zhFraudReport({ attachments: [{ filename: '截图.png', contentBase64: png.toString('base64') }] }),
    );
    const id = await idOf(r.receipt);
    const raw = await t.ctx.db.query<{ ciphertext: Uint8Array; size: number; media_type: string }>(
      'SELECT ciphertext, size, media_type FROM public_report_attachments WHERE report_id = $1',
      [id],
    );
    expect(raw).toHaveLength(1);
    const stored = Buffer.from(raw[0]!.ciphertext);
    expect(raw[0]).toMatchObject({ size: png.length, media_type: 'image/png' });
    expect(stored.equals(png)).toBe(false);
    expect(stored.includes(png.subarray(0, 8))).toBe(false);

    const detail = (await call('GET', analyst.token, `/api/triage/reports/${id}`)).json() as Json;
    const att = detail.attachments[0];
    const dl = await call('GET', analyst.token, `/api/triage/reports/${id}/attachments/${att.id}/content`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(Buffer.from(dl.rawPayload).equals(png)).toBe(true);
    const audit = await t.ctx.db.query<{ action: string; data: Json }>(
      `SELECT action, data FROM audit_log WHERE subject_id = $1 ORDER BY seq`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(['public_report.submitted', 'public_report.attachment_downloaded']);
    // The audit names the receipt and counts, never the victim's words or the suspect's numbers.
    const auditText = JSON.stringify(audit);
    expect(auditText).not.toContain('6222021234567890128');
    expect(auditText).not.toContain('京东');
  });

  it('extracts indicators from the form and the story, and shows them in the queue and detail', async () => {
    const r = await submit(
      zhFraudReport({
        narrative:
          '骗子让我往 USDT 钱包转账，地址写在聊天里，还留了邮箱 boss@scampay-refund.com 让我联系，说可以退款。一共被骗 5000 元。',
      }),
    );
    const id = await idOf(r.receipt);
    const detail = (await call('GET', analyst.token, `/api/triage/reports/${id}`)).json() as Json;
    const pairs = detail.indicators.map((i: Json) => `${i.type}:${i.source}`);
    expect(pairs).toEqual(
      expect.arrayContaining([
        'bank_account:payment',
        'phone:contact',
        'url:contact',
        'account_handle:contact',
        'email:narrative',
      ]),
    );
    expect(detail.narrative).toContain('USDT');
    const queue = (
      await call('GET', reader.token, '/api/triage/reports?status=received&category=fraud')
    ).json() as Json;
    expect(queue.items.find((x: Json) => x.id === id)).toMatchObject({
      receipt: r.receipt,
      indicatorCount: detail.indicators.length,
    });
    expect((await call('GET', reader.token, '/api/triage/reports?category=illegal_content')).json().items).toEqual([]);
  });

  it('takes accounts named by a cue and disguised addresses from the story, and triage sees how they were written', async () => {
    const r = await submit(
      zhFraudReport({
        narrative:
          '对方让我加他的飞机号 @Refund_Boss88，又让我登录 refund-help点top 填写银行卡信息，之后再也联系不上。',
      }),
    );
    const detail = (await call('GET', analyst.token, `/api/triage/reports/${await idOf(r.receipt)}`)).json() as Json;
    const found = (type: string, value: string) =>
      detail.indicators.find((i: Json) => i.type === type && i.value === value);
    expect(found('account_handle', 'telegram:refund_boss88')).toMatchObject({ source: 'narrative' });
    expect(found('domain', 'refund-help.top')).toMatchObject({ source: 'narrative', flags: ['obfuscated_dot'] });
  });

  it('suggests a report with the same bank account and phone as a duplicate, merges it, and tells its reporter it is being handled', async () => {
    const first = await submit(zhFraudReport());
    const second = await submit(
      zhFraudReport({
        narrative:
          'Someone claiming to be JD Finance support told me to move my savings to a safe account. I sent 12,000 yuan by bank transfer.',
        language: 'en',
      }),
    );
    const [a, b] = [await idOf(first.receipt), await idOf(second.receipt)];
    const detail = (await call('GET', analyst.token, `/api/triage/reports/${b}`)).json() as Json;
    const suggestion = detail.duplicates.find((d: Json) => d.id === a);
    expect(suggestion.reasons).toEqual(expect.arrayContaining(['shared_indicator', 'same_contact']));
    expect(suggestion.score).toBeGreaterThan(0.9);
    // Shared values are correlations too (the report holding them is another source).
    expect(detail.hasCorrelation).toBe(true);
    expect(detail.correlations.some((c: Json) => c.sourceKind === 'report' && c.sourceId === a)).toBe(true);
    expect(
      (await call('GET', analyst.token, '/api/triage/reports?hasCorrelation=true')).json().items.map((x: Json) => x.id),
    ).toContain(b);

    expect((await call('POST', reader.token, `/api/triage/reports/${a}/merge`, { duplicateIds: [b] })).statusCode).toBe(
      403,
    );
    const merged = await call('POST', analyst.token, `/api/triage/reports/${a}/merge`, { duplicateIds: [b] });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().items[0]).toMatchObject({ id: b, status: 'duplicate', duplicateOf: a });
    expect(await publicStatus(second)).toBe('under_review');
    // Both are kept; merging into a duplicate is refused (chains stay flat).
    const third = await idOf((await submit(zhFraudReport())).receipt);
    const chain = await call('POST', analyst.token, `/api/triage/reports/${b}/merge`, { duplicateIds: [third] });
    expect(chain.statusCode).toBe(409);
    expect(chain.json().error.code).toBe('PUBLIC_REPORT_MERGE_INVALID');
  });

  it('turns reports into a case in one action: observables, evidence with custody, reports forwarded', async () => {
    const r1 = await submit(
      zhFraudReport({ attachments: [{ filename: 'chat.png', contentBase64: pngBytes(3).toString('base64') }] }),
    );
    const r2 = await submit(
      zhFraudReport({ suspect: { phones: ['13900139000'], urls: [], handles: [], emails: [] }, payments: [] }),
    );
    const ids = [await idOf(r1.receipt), await idOf(r2.receipt)];
    const res = await call('POST', analyst.token, '/api/triage/cases', { reportIds: ids });
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json() as Json;
    expect(out).toMatchObject({
      evidence: 1,
      reports: [
        { status: 'forwarded', caseId: out.caseId },
        { status: 'forwarded', caseId: out.caseId },
      ],
    });
    expect(out.observables).toBeGreaterThanOrEqual(5);

    const kase = (await call('GET', analyst.token, `/api/cases/${out.caseId}`)).json() as Json;
    expect(kase).toMatchObject({ myRole: 'lead', crimeCategories: ['online_fraud'] });
    expect(kase.title.zh).toContain(r1.receipt);
    const obs = (await call('GET', analyst.token, `/api/cases/${out.caseId}/observables`)).json().items as Json[];
    expect(obs.map((o) => o.type)).toEqual(expect.arrayContaining(['bank_account', 'phone', 'url', 'account_handle']));
    const evidence = (await call('GET', analyst.token, `/api/cases/${out.caseId}/evidence`)).json().items as Json[];
    expect(evidence).toHaveLength(1);
    const custody = (
      await call('GET', analyst.token, `/api/cases/${out.caseId}/evidence/${evidence[0]!.id}/custody`)
    ).json() as Json;
    expect(custody.verification.ok).toBe(true);
    const content = await call('GET', analyst.token, `/api/cases/${out.caseId}/evidence/${evidence[0]!.id}/content`);
    expect(Buffer.from(content.rawPayload).equals(pngBytes(3))).toBe(true);
    expect(await publicStatus(r1)).toBe('forwarded');

    // A forwarded report cannot be forwarded again; the refusal leaves no half-made case.
    const casesBefore = (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0]!.n;
    const again = await call('POST', analyst.token, '/api/triage/cases', { reportIds: ids });
    expect(again.statusCode).toBe(409);
    expect((await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0]!.n).toBe(casesBefore);
  });

  it('moves reports through review and closing, with notes kept internal', async () => {
    const r = await submit(zhFraudReport());
    const id = await idOf(r.receipt);
    const review = await call('POST', analyst.token, `/api/triage/reports/${id}/actions`, {
      action: 'start_review',
      note: 'called the bank',
    });
    expect(review.json()).toMatchObject({ status: 'under_review' });
    expect(await publicStatus(r)).toBe('under_review');
    await call('POST', analyst.token, `/api/triage/reports/${id}/actions`, { action: 'close' });
    expect(await publicStatus(r)).toBe('closed');
    const bad = await call('POST', analyst.token, `/api/triage/reports/${id}/actions`, { action: 'close' });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.code).toBe('PUBLIC_REPORT_TRANSITION_INVALID');
    const detail = (await call('GET', analyst.token, `/api/triage/reports/${id}`)).json() as Json;
    expect(detail.notes[0]).toMatchObject({ text: 'called the bank' });
  });
});
