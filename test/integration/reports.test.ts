// Statistical reports (docs/spec.md §10.4) on both stores, over a fixture built through the real API with a
// moved clock: exact CSV values, exercise data left out, a PDF whose text holds both languages,
// and the per-case / per-request reports under their visibility rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../src/services/user/login.js';
import { preservationDraft } from '../factories.js';
import { pdfText } from '../support/pdf-text.js';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = '2026-02-02T08:00:00.000Z';

/** The header and rows of one CSV section, split naively (the fixture's fields hold no commas or quotes). */
function section(csv: string, table: string): string[][] {
  const out: string[][] = [];
  let header: string[] | null = null;
  for (const l of csv.replace(/^\uFEFF/, '').split('\r\n')) {
    const cells = l.split(',');
    if (cells[0] === 'table') header = cells;
    else if (cells[0] === table) {
      if (header && out.length === 0) out.push(header);
      out.push(cells);
    }
  }
  return out;
}

describe.each(STORES)('reports (%s)', (store) => {
  let t: TestApp;
  let investigator: string;
  let poc: string;
  let auditor: string;
  let outsider: string;
  let caseId: string;
  let requestA: string;
  beforeAll(async () => {
    t = await createTestApp(store);
    const author = await t.userWith(['investigator']);
    investigator = author.token;
    poc = (await t.userWith(['point_of_contact'])).token;
    const post = async (token: string, url: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url, headers: bearer(token), payload });
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
      return res.json();
    };
    const act = (token: string, id: string, action: string) =>
      post(token, `/api/requests/${id}/actions`, { action, onBehalfOfCounterpart: true });

    t.clock.set(T0);
    // A: acknowledged after 2 h (due 24 h) and fulfilled after 10 h (due 24 h): both met.
    const a = await post(investigator, '/api/requests', preservationDraft());
    requestA = a.id;
    await post(investigator, `/api/requests/${a.id}/actions`, { action: 'submit' });
    t.clock.advance(2 * HOUR);
    for (const step of ['acknowledge', 'accept', 'start_work']) await act(poc, a.id, step);
    t.clock.advance(8 * HOUR);
    await act(poc, a.id, 'fulfil');

    // B: submitted a day later, acknowledged after 30 h (missed), accepted, never fulfilled (missed by now).
    t.clock.set('2026-02-03T08:00:00.000Z');
    const b = await post(
      investigator,
      '/api/requests',
      preservationDraft({ subject: { en: 'Preserve wallet logs', zh: '保全钱包日志' } }),
    );
    await post(investigator, `/api/requests/${b.id}/actions`, { action: 'submit' });
    t.clock.advance(30 * HOUR);
    await act(poc, b.id, 'acknowledge');
    await act(poc, b.id, 'accept');

    // C: an exercise request (marked the way the exercise engine marks its injects): never counted.
    const c = await post(investigator, '/api/requests', preservationDraft({ requestedParty: 'fr-demo' }));
    await post(investigator, `/api/requests/${c.id}/actions`, { action: 'submit' });
    t.clock.advance(HOUR);
    await act(poc, c.id, 'acknowledge');
    await t.ctx.db.query("UPDATE requests SET exercise_id = 'ex-1' WHERE id = $1", [c.id]);

    // An incoming emergency call acknowledged after 10 min (due 15 min); an outgoing call never acknowledged.
    t.clock.set('2026-02-10T09:00:00.000Z');
    const incoming = await post(poc, '/api/calls/incoming', {
      fromParty: 'us-demo',
      topic: 'emergency_threat_to_life',
      urgency: 'emergency',
      language: 'en',
      message: 'Threat to life posted online; subscriber details needed.',
      callback: {
        name: 'Agent Smith',
        phone: '+1 202 555 0100',
        email: 'smith@example.gov',
        timeZone: 'America/New_York',
      },
    });
    t.clock.advance(10 * MIN);
    await post(poc, `/api/calls/${incoming.id}/actions`, { action: 'acknowledge' });
    await post(investigator, '/api/calls', {
      toParty: 'us-demo',
      topic: 'ransomware_incident',
      urgency: 'urgent',
      language: 'en',
      message: 'Ransomware at a hospital: need contact at provider.',
      callback: { name: '王警官', phone: '+86 10 6620 0000', timeZone: 'Asia/Shanghai' },
    });

    const kase = await post(investigator, '/api/cases', {
      title: { en: 'Investment fraud ring', zh: '投资诈骗团伙案' },
      crimeCategories: ['online_fraud'],
      linkedRequestIds: [a.id],
    });
    caseId = kase.id;
    await post(investigator, `/api/cases/${caseId}/observables`, {
      observables: [{ type: 'email', value: 'lucky.invest88@example.com' }],
    });

    // Reports are read after the quarter; sessions from February have long expired.
    t.clock.set('2026-04-05T00:00:00.000Z');
    investigator = (await login(t.ctx, { username: author.username, password: TEST_PASSWORD })).token;
    auditor = (await t.userWith(['auditor'])).token;
    outsider = (await t.userWith(['investigator'])).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });

  it('reports Q1 as CSV with exact counts, percentiles and SLA compliance, leaving exercise data out', async () => {
    const res = await get(auditor, '/api/reports/period?period=2026-Q1&format=csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="crossline-period-2026-Q1.csv"');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const csv = res.rawPayload.toString('utf8');
    expect(section(csv, 'requests_by_status')).toEqual([
      ['table', 'direction', 'type', 'status', 'count'],
      ['requests_by_status', 'outgoing', 'preservation', 'accepted', '1'],
      ['requests_by_status', 'outgoing', 'preservation', 'fulfilled', '1'],
    ]);
    expect(section(csv, 'request_times')).toEqual([
      ['table', 'direction', 'metric', 'count', 'p50_ms', 'p90_ms', 'p95_ms'],
      ['request_times', 'outgoing', 'time_to_acknowledge', '2', String(2 * HOUR), String(30 * HOUR), String(30 * HOUR)],
      ['request_times', 'outgoing', 'time_to_fulfil', '1', String(10 * HOUR), String(10 * HOUR), String(10 * HOUR)],
      ['request_times', 'incoming', 'time_to_acknowledge', '0', '', '', ''],
      ['request_times', 'incoming', 'time_to_fulfil', '0', '', '', ''],
    ]);
    expect(section(csv, 'sla_compliance')).toEqual([
      ['table', 'record', 'direction', 'clock', 'met', 'missed', 'pending', 'compliance'],
      ['sla_compliance', 'request', 'outgoing', 'acknowledge', '1', '1', '0', '0.5'],
      ['sla_compliance', 'request', 'outgoing', 'respond', '1', '1', '0', '0.5'],
      ['sla_compliance', 'call', 'outgoing', 'acknowledge', '0', '1', '0', '0'],
      ['sla_compliance', 'request', 'incoming', 'acknowledge', '0', '0', '0', ''],
      ['sla_compliance', 'request', 'incoming', 'respond', '0', '0', '0', ''],
      ['sla_compliance', 'call', 'incoming', 'acknowledge', '1', '0', '0', '1'],
    ]);
    expect(section(csv, 'hotline_times')).toContainEqual([
      'hotline_times',
      'incoming',
      'emergency',
      '1',
      '1',
      String(10 * MIN),
      String(10 * MIN),
      String(10 * MIN),
      '1',
    ]);
    expect(section(csv, 'calls_by_status').slice(1)).toEqual([
      ['calls_by_status', 'incoming', 'emergency', 'acknowledged', '1'],
      ['calls_by_status', 'outgoing', 'urgent', 'placed', '1'],
    ]);
    expect(section(csv, 'cases_by_status').slice(1)).toEqual([['cases_by_status', 'open', 'online_fraud', '1']]);
    // The exercise request went to fr-demo: that peer appears nowhere.
    expect(csv).not.toContain('fr-demo');
    expect(
      section(csv, 'peers')
        .slice(1)
        .map((r) => [r[1], r[3], r[5]]),
    ).toEqual([['us-demo', '2', '2']]);
    // No exercise was directed here: the exercise section is present and empty.
    expect(section(csv, 'exercises')).toEqual([]);
    expect(csv).toContain('\r\ntable,exercise,started_at,party,score,injects,met,missed\r\n');
  });

  it('lists preservations expired unrenewed and expiring within 30 days, whatever the period', async () => {
    const doc = (await get(auditor, '/api/reports/period?period=2026-Q1')).json();
    const table = doc.tables.find((x: { id: string }) => x.id === 'preservations');
    // Budapest Art. 29: 60 days from acceptance (A on 2 Feb 10:00, B on 4 Feb 14:00); read on 5 April.
    expect(table.rows).toEqual([
      ['CN-TEST-REQ-2026-0001', 'outgoing', 'us-demo', '2026-04-03T10:00:00.000Z', -1, 'expired', 0],
      ['CN-TEST-REQ-2026-0002', 'outgoing', 'us-demo', '2026-04-05T14:00:00.000Z', 1, 'expiring', 0],
    ]);
  });

  it('adds a bilingual header row when asked', async () => {
    const csv = (await get(auditor, '/api/reports/period?period=2026-Q1&format=csv&locale=both')).rawPayload.toString(
      'utf8',
    );
    expect(csv).toContain('\r\n#,方向 / Direction,类型 / Type,状态 / Status,数量 / Count\r\n');
  });

  it('counts only what happened in the period and with the chosen peer', async () => {
    const q2 = (await get(auditor, '/api/reports/period?period=2026-Q2&format=csv')).rawPayload.toString('utf8');
    expect(section(q2, 'requests_by_status')).toHaveLength(0);
    const other = (await get(auditor, '/api/reports/peers/jp-demo?period=2026-Q1&format=csv')).rawPayload.toString(
      'utf8',
    );
    expect(section(other, 'calls_by_status')).toHaveLength(0);
  });

  it('renders a PDF with Chinese and English text in an embedded font', async () => {
    const res = await get(auditor, '/api/reports/period?period=2026-Q1&format=pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('协助请求');
    expect(text).toContain('Requests for assistance');
    expect(text).toContain('时限遵守率');
    expect(res.rawPayload.toString('latin1')).toMatch(/\/FontFile2/);
  });

  it('refuses a malformed period with a bilingual 400', async () => {
    const res = await get(auditor, '/api/reports/period?period=2026-Q7&format=pdf');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('REPORT_PERIOD_INVALID');
    expect(res.json().error.issues[0].message.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reports a case to its members only, with the Chinese title in the PDF', async () => {
    expect((await get(outsider, `/api/reports/cases/${caseId}`)).statusCode).toBe(404);
    const doc = (await get(investigator, `/api/reports/cases/${caseId}`)).json();
    expect(doc.tables.find((x: { id: string }) => x.id === 'observables').rows).toEqual([['email', 'AMBER', 1]]);
    expect(doc.tables.find((x: { id: string }) => x.id === 'linked').rows[0].slice(0, 1)).toEqual(['request']);
    const pdf = await get(investigator, `/api/reports/cases/${caseId}?format=pdf`);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('投资诈骗团伙案');
    expect(text).toContain('Investment fraud ring');
  });

  it('shows an admin who is not a member exactly what the case page shows of a TLP:RED secret case: no title, summary, parties or content', async () => {
    const lead = await t.userWith(['investigator']);
    const admin = await t.userWith(['admin']);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: bearer(lead.token),
      payload: {
        title: { en: 'Operation Nightfall', zh: '夜幕行动' },
        summary: { en: 'Informant inside the syndicate', zh: '团伙内部线人' },
        crimeCategories: ['online_fraud'],
        tlp: 'RED',
        confidentiality: 'secret',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    await t.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/observables`,
      headers: bearer(lead.token),
      payload: { observables: [{ type: 'email', value: 'boss@nightfall.example' }] },
    });
    const page = (await get(admin.token, `/api/cases/${id}`)).json();
    expect(page.access).toBe('membership');
    expect(page.title).toBeUndefined();
    const secrets = /Nightfall|夜幕|Informant|线人|online_fraud|网络诈骗|boss@/;
    expect(JSON.stringify(page)).not.toMatch(secrets);

    const doc = await get(admin.token, `/api/reports/cases/${id}`);
    expect(doc.statusCode, doc.body).toBe(200);
    expect(doc.body).not.toMatch(secrets);
    // Members as the page lists them, nothing else: no parties, no counts of content.
    expect(doc.json().tables.map((x: { id: string }) => x.id)).toEqual(['members']);
    expect(doc.json().tables[0].rows.map((r: unknown[]) => r[0])).toEqual(page.members.map(() => 'member'));
    const csv = await get(admin.token, `/api/reports/cases/${id}?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.rawPayload.toString('utf8')).not.toMatch(secrets);
    const pdf = await get(admin.token, `/api/reports/cases/${id}?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(await pdfText(pdf.rawPayload)).not.toMatch(secrets);
    // The lead, a member, still gets the whole report.
    expect((await get(lead.token, `/api/reports/cases/${id}`)).body).toMatch(/Nightfall/);
  });

  it('reports a request with its steps and deadlines met', async () => {
    const doc = (await get(investigator, `/api/reports/requests/${requestA}`)).json();
    const deadlines = doc.tables.find((x: { id: string }) => x.id === 'deadlines').rows;
    expect(deadlines.map((r: unknown[]) => [r[0], r[3]]).slice(0, 2)).toEqual([
      ['acknowledge', 'met'],
      ['respond', 'met'],
    ]);
    const steps = doc.tables.find((x: { id: string }) => x.id === 'history').rows.map((r: unknown[]) => r[1]);
    expect(steps.length).toBeGreaterThanOrEqual(5);
    const csv = await get(investigator, `/api/reports/requests/${requestA}?format=csv`);
    expect(csv.rawPayload.toString('utf8')).toContain(
      'deadlines,acknowledge,2026-02-03T08:00:00.000Z,2026-02-02T10:00:00.000Z,met',
    );
  });
});
