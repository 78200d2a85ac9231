// Correlation and extraction through the HTTP API on both stores: an alert is shown only to users
// who may see both of its sources, values added to cases and requests correlate, alerts can be
// dismissed, values looked up, and administrators manage exclusions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preservationDraft } from '../factories.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';

type Json = Record<string, any>;
const IP = '203.0.113.50';

describe.each(STORES)('correlation API (%s)', (store) => {
  let t: TestApp;
  let lead: { token: string; userId: string };
  let other: { token: string; userId: string };
  let admin: { token: string; userId: string };
  let caseA: Json;
  let caseB: Json;
  let requestId: string;
  beforeAll(async () => {
    t = await createTestApp(store);
    lead = await t.userWith(['investigator']);
    other = await t.userWith(['investigator']);
    admin = await t.userWith(['admin']);
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = (method: 'GET' | 'POST' | 'DELETE', token: string, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  const newCase = async (token: string, title: string) => {
    const res = await call('POST', token, '/api/cases', {
      title: { en: title, zh: title },
      crimeCategories: ['online_fraud'],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Json;
  };
  const alertsOf = async (token: string, query = '') => {
    const res = await call('GET', token, `/api/intel/alerts${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Json[]; total: number };
  };

  it('raises an alert between two cases but shows it to nobody who is not a member of both', async () => {
    caseA = await newCase(lead.token, 'Case A');
    caseB = await newCase(other.token, 'Case B');
    expect(
      (await call('POST', lead.token, `/api/cases/${caseA.id}/observables`, { type: 'ip', value: IP })).statusCode,
    ).toBe(201);
    expect(
      (await call('POST', other.token, `/api/cases/${caseB.id}/observables`, { type: 'ip', value: ` ${IP} ` }))
        .statusCode,
    ).toBe(201);
    const stored = await t.ctx.db.query('SELECT a_id, b_id FROM correlation_alerts');
    expect(stored).toHaveLength(1);
    expect((await alertsOf(lead.token)).items).toEqual([]);
    expect((await alertsOf(other.token)).items).toEqual([]);
    expect((await alertsOf(admin.token)).items).toEqual([]);
  });

  it('links a request identifier to the case; each user sees the alert whose two sides they may see', async () => {
    const res = await call(
      'POST',
      lead.token,
      '/api/requests',
      preservationDraft({
        identifiers: [
          {
            kind: 'ip',
            value: IP,
            from: '2026-03-01T00:00:00+08:00',
            to: '2026-03-02T00:00:00+08:00',
            timeZone: 'Asia/Shanghai',
          },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    requestId = (res.json() as Json).id;
    const mine = (await alertsOf(lead.token)).items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      a: { kind: 'case', id: caseA.id, label: caseA.reference },
      b: { kind: 'request', id: requestId },
      matches: [{ type: 'ip', value: IP }],
    });
    const theirs = (await alertsOf(other.token)).items;
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.a.id).toBe(caseB.id);
    // The lead is told about the alert they may see, the other investigator about theirs only.
    const notes = await call('GET', lead.token, '/api/notifications');
    expect(
      (notes.json() as Json).items.filter((n: Json) => n.kind === 'intel.correlation').map((n: Json) => n.subjectId),
    ).toEqual([mine[0]!.id]);
  });

  it('dismisses an alert for a user who may see it and hides it from one who may not', async () => {
    const [alert] = (await alertsOf(lead.token)).items;
    expect((await call('POST', other.token, `/api/intel/alerts/${alert!.id}/ack`)).statusCode).toBe(404);
    const acked = await call('POST', lead.token, `/api/intel/alerts/${alert!.id}/ack`);
    expect(acked.statusCode, acked.body).toBe(200);
    expect((acked.json() as Json).ackedAt).toBeTruthy();
    expect((await alertsOf(lead.token)).items).toEqual([]);
    expect((await alertsOf(lead.token, '?state=acked')).items.map((a) => a.id)).toEqual([alert!.id]);
  });

  it('looks a value up, showing only the sources the viewer may see', async () => {
    const res = await call('GET', lead.token, `/api/intel/correlations?type=ip&value=${encodeURIComponent(IP)}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Json;
    expect(body).toMatchObject({ type: 'ip', value: IP, sourceCount: 3, status: 'alert' });
    expect(body.sources.map((s: Json) => s.id).sort()).toEqual([caseA.id, requestId].sort());
    expect((await call('GET', lead.token, '/api/intel/correlations?type=ip&value=not-an-ip')).statusCode).toBe(422);
  });

  it('lets administrators exclude values, and nobody else', async () => {
    const body = { type: 'domain', value: 'CDN.Example.com', reason: 'shared CDN' };
    expect((await call('POST', lead.token, '/api/intel/exclusions', body)).statusCode).toBe(403);
    const added = await call('POST', admin.token, '/api/intel/exclusions', body);
    expect(added.statusCode, added.body).toBe(201);
    expect((added.json() as Json).value).toBe('cdn.example.com');
    expect((await call('POST', admin.token, '/api/intel/exclusions', body)).statusCode).toBe(409);
    await call('POST', lead.token, `/api/cases/${caseA.id}/observables`, { type: 'domain', value: 'cdn.example.com' });
    await call('POST', other.token, `/api/cases/${caseB.id}/observables`, { type: 'domain', value: 'cdn.example.com' });
    const pair = await t.ctx.db.query(
      `SELECT match_count FROM correlation_alerts WHERE a_kind = 'case' AND b_kind = 'case'`,
    );
    expect(pair[0]!.match_count).toBe(1);
    const list = (await call('GET', admin.token, '/api/intel/exclusions')).json() as Json;
    expect(list.items).toHaveLength(1);
    const removed = await call('DELETE', admin.token, `/api/intel/exclusions/domain/${list.items[0].hash}`);
    expect(removed.statusCode).toBe(200);
    expect((await call('DELETE', admin.token, `/api/intel/exclusions/domain/${list.items[0].hash}`)).statusCode).toBe(
      404,
    );
  });

  it('extracts indicators from text and refuses too long a text with its own code', async () => {
    const res = await call('POST', lead.token, '/api/intel/extract', {
      text: '诈骗网站hxxp://pay-cn[.]top/login，客服电话13812345678。',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Json).indicators.map((i: Json) => [i.type, i.value])).toEqual([
      ['url', 'http://pay-cn.top/login'],
      ['phone', '+8613812345678'],
    ]);
    // An account named by a cue word comes with the cue's span; a disguised number with its flag and the text as written.
    const text = '加微信：Scam_Kefu88，电话一三八一二三四五六七八';
    const accounts = await call('POST', lead.token, '/api/intel/extract', { text });
    expect((accounts.json() as Json).indicators).toEqual([
      {
        type: 'account_handle',
        value: 'wechat:scam_kefu88',
        flags: [],
        spans: [{ start: 4, end: 15, raw: 'Scam_Kefu88', cue: { start: 1, end: 3, raw: '微信' } }],
      },
      {
        type: 'phone',
        value: '+8613812345678',
        flags: ['chinese_numerals'],
        spans: [{ start: 18, end: 29, raw: '一三八一二三四五六七八' }],
      },
    ]);
    const big = await call('POST', lead.token, '/api/intel/extract', { text: 'a'.repeat(1_000_001) });
    expect(big.statusCode).toBe(413);
    expect((big.json() as Json).error.code).toBe('INTEL_EXTRACT_TOO_LARGE');
    expect((big.json() as Json).error.message.zh).toMatch(/文本过长/);
  });

  it("links a request's account on a known platform to the same account held by a case", async () => {
    expect(
      (
        await call('POST', lead.token, `/api/cases/${caseA.id}/observables`, {
          type: 'account_handle',
          value: 'telegram:@scam_support',
        })
      ).statusCode,
    ).toBe(201);
    const res = await call(
      'POST',
      lead.token,
      '/api/requests',
      preservationDraft({
        identifiers: [{ kind: 'account', value: '@Scam_Support', service: 'Telegram' }],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const request = (res.json() as Json).id as string;
    const alerts = (await alertsOf(lead.token, `?sourceId=${request}`)).items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      a: { kind: 'case', id: caseA.id },
      b: { kind: 'request', id: request },
      matches: [{ type: 'account_handle', value: 'telegram:scam_support' }],
    });
  });
});
