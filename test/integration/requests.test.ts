// Requests for assistance through the HTTP API on both stores: validation, the full lifecycle,
// refusals, history, and deadlines that still fire after a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlines } from '../../src/workers/deadline-worker.js';
import { CLOCK_SOURCES } from '../../src/workers/clock-sources.js';
import { preservationDraft } from '../factories.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';

const HOUR = 3_600_000;

describe.each(STORES)('requests (%s)', (store) => {
  let t: TestApp;
  let investigator: string;
  let duty: string;
  let supervisor: string;
  let analyst: string;
  beforeAll(async () => {
    t = await createTestApp(store);
    investigator = (await t.userWith(['investigator'])).token;
    duty = (await t.userWith(['point_of_contact'])).token;
    supervisor = (await t.userWith(['supervisor'])).token;
    analyst = (await t.userWith(['analyst'])).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (token: string, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: bearer(token), payload });
  const act = (token: string, id: string, payload: object) => post(token, `/api/requests/${id}/actions`, payload);

  it('refuses to submit a preservation request with missing fields, naming each in both languages', async () => {
    const draft = await post(investigator, '/api/requests', { type: 'preservation', requestedParty: 'us-demo' });
    expect(draft.statusCode).toBe(201);
    expect(draft.json().status).toBe('draft');
    expect(draft.json().issues.length).toBeGreaterThan(3);
    const submit = await act(investigator, draft.json().id, { action: 'submit' });
    expect(submit.statusCode).toBe(422);
    const body = submit.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const paths = body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['legalBasis', 'crimeCategory']));
    for (const issue of body.error.issues) {
      expect(issue.message.en).toMatch(/\w/);
      expect(issue.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('rejects malformed bodies with 400 and a field path', async () => {
    const res = await post(investigator, '/api/requests', { type: 'teleportation', requestedParty: 'us-demo' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_INPUT');
    expect(res.json().error.issues[0].path).toBe('body.type');
  });

  it('runs a full lifecycle: draft → submit → acknowledged → accepted → in progress → fulfilled → closed', async () => {
    const created = await post(investigator, '/api/requests', preservationDraft());
    expect(created.statusCode).toBe(201);
    expect(created.json().issues).toEqual([]);
    const id = created.json().id;
    expect(created.json().reference).toMatch(/^CN-TEST-REQ-2026-\d{4}$/);

    const submitted = await act(investigator, id, { action: 'submit' });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', direction: 'outgoing' });
    expect(submitted.json().clocks.ackDueAt).toBe(new Date(t.clock.now().getTime() + 24 * HOUR).toISOString());

    // The requested party is not on the federation: our point of contact records its steps.
    const ownAck = await act(duty, id, { action: 'acknowledge' });
    expect(ownAck.json().error.code).toBe('REQUEST_WRONG_PARTY');
    const notAllowed = await act(investigator, id, { action: 'acknowledge', onBehalfOfCounterpart: true });
    expect(notAllowed.json().error.code).toBe('REQUEST_FORBIDDEN');
    for (const step of ['acknowledge', 'accept', 'start_work', 'fulfil']) {
      const res = await act(duty, id, { action: step, onBehalfOfCounterpart: true });
      expect(res.statusCode, `${step}: ${res.body}`).toBe(200);
    }
    const closed = await act(investigator, id, { action: 'close' });
    expect(closed.json().status).toBe('closed');
    expect(closed.json().allowedActions).toEqual([]);

    const got = await t.app.inject({ method: 'GET', url: `/api/requests/${id}`, headers: bearer(analyst) });
    expect(got.statusCode).toBe(200);
    const types = got.json().history.map((h: { type: string }) => h.type);
    expect(types).toEqual([
      'draft_created',
      'submitted',
      'acknowledged',
      'accepted',
      'work_started',
      'fulfilled',
      'closed',
    ]);
    expect(got.json().history.every((h: { auditSeq: number | null }) => typeof h.auditSeq === 'number')).toBe(true);
    expect(got.json().clocks.preservationExpiresAt).toBeTruthy();
  });

  it('refuses transitions not allowed in the current state, and roles that may not act', async () => {
    const id = (await post(investigator, '/api/requests', preservationDraft())).json().id;
    const early = await act(duty, id, { action: 'fulfil', onBehalfOfCounterpart: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('REQUEST_INVALID_TRANSITION');
    expect(early.json().error.details.allowedActions).toBeDefined();
    const byAnalyst = await act(analyst, id, { action: 'submit' });
    expect(byAnalyst.statusCode).toBe(403);
    const withdrawNoReason = await act(investigator, id, { action: 'withdraw', reason: '' });
    expect(withdrawNoReason.statusCode).toBeGreaterThanOrEqual(400);
    const withdrawn = await act(investigator, id, { action: 'withdraw', reason: 'Suspect identified by other means' });
    expect(withdrawn.json().status).toBe('withdrawn');
  });

  it('registers an incoming request received by e-mail and lets our side answer it', async () => {
    const { requestedParty: _omit, ...content } = preservationDraft({
      subject: { en: 'Preserve WeChat account', zh: '保全微信账号' },
    });
    const res = await post(duty, '/api/requests/incoming', {
      ...content,
      requestingParty: 'us-demo',
      senderReference: 'FBI-2026-118',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'submitted', direction: 'incoming', requestedParty: 'cn-test' });
    expect(res.json().reference).toContain('FBI-2026-118');
    const ack = await act(duty, res.json().id, { action: 'acknowledge' });
    expect(ack.json().status).toBe('acknowledged');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/requests?direction=incoming',
      headers: bearer(supervisor),
    });
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(res.json().id);
  });

  it('keeps deadlines across a restart: the overdue acknowledgement escalates to supervisors once', async () => {
    const id = (await post(investigator, '/api/requests', preservationDraft({ urgency: 'emergency' }))).json().id;
    await act(investigator, id, { action: 'submit' });
    await t.reopen();
    t.clock.advance(90 * 60_000);
    const first = await sweepDeadlines(t.ctx, CLOCK_SOURCES);
    const mine = first.fired.filter((f) => f.id === id).map((f) => /^[a-z_]+/.exec(f.event)?.[0]);
    expect(mine).toEqual(expect.arrayContaining(['ack_overdue', 'escalated']));
    const again = await sweepDeadlines(t.ctx, CLOCK_SOURCES);
    expect(again.fired.filter((f) => f.id === id)).toEqual([]);
    const got = (await t.app.inject({ method: 'GET', url: `/api/requests/${id}`, headers: bearer(supervisor) })).json();
    expect(got.clock).toMatchObject({ ackOverdue: true, escalationLevel: 1 });
    const notes = (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(supervisor) })).json()
      .items;
    expect(
      notes.some(
        (n: { subjectId: string; kind: string }) => n.subjectId === id && n.kind.startsWith('request.escalated'),
      ),
    ).toBe(true);
    const overdue = (
      await t.app.inject({ method: 'GET', url: '/api/requests?overdue=true', headers: bearer(supervisor) })
    ).json().items;
    expect(overdue.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('turns a hotline call we placed into a linked request draft, and a call we received into a linked case', async () => {
    const callback = {
      name: 'Li Qiang',
      phone: '+86 10 5555 0101',
      email: 'li.qiang@cn.example',
      timeZone: 'Asia/Shanghai',
    };
    const call = await post(duty, '/api/calls', {
      toParty: 'us-demo',
      topic: 'online_fraud_funds_in_transit',
      urgency: 'urgent',
      message: 'USD 480,000 moving through a US exchange account now',
      language: 'en',
      callback,
    });
    expect(call.statusCode, call.body).toBe(201);
    const res = await post(investigator, `/api/calls/${call.json().id}/request`, {});
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'draft',
      type: 'freeze_assets',
      requestedParty: 'us-demo',
      urgency: 'urgent',
      crimeCategory: 'online_fraud',
    });
    expect(res.json().facts).toContain('USD 480,000');
    const linked = (
      await t.app.inject({ method: 'GET', url: `/api/calls/${call.json().id}`, headers: bearer(duty) })
    ).json();
    expect(linked.linkedRequestId).toBe(res.json().id);
    const incoming = await post(duty, '/api/calls/incoming', {
      fromParty: 'us-demo',
      topic: 'other',
      urgency: 'routine',
      message: 'Question about a pending request',
      language: 'en',
      callback,
      receivedAt: t.clock.now().toISOString(),
    });
    expect(incoming.statusCode, incoming.body).toBe(201);
    const refused = await post(investigator, `/api/calls/${incoming.json().id}/request`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message.zh).toContain('立案');
    const asCase = await post(investigator, `/api/calls/${incoming.json().id}/case`, {});
    expect(asCase.statusCode, asCase.body).toBe(201);
    expect(asCase.json().linkedCallIds).toEqual([incoming.json().id]);
    const after = (
      await t.app.inject({ method: 'GET', url: `/api/calls/${incoming.json().id}`, headers: bearer(duty) })
    ).json();
    expect(after.linkedCaseId).toBe(asCase.json().id);
  });

  it('lists each request as its own page shows it, to each viewer, in deadline order, and pages without gaps', async () => {
    // The list reads its page from an index in this order (docs/performance.md, "List 50 of 2,000")
    // and presents each record as the request's own page does.
    for (const token of [investigator, duty, supervisor]) {
      const list = await t.app.inject({ method: 'GET', url: '/api/requests?limit=500', headers: bearer(token) });
      expect(list.statusCode).toBe(200);
      const items = list.json().items as { id: string; clock: { nextDeadlineAt: string | null } }[];
      expect(items.length).toBeGreaterThan(3);
      for (const item of items) {
        const page = await t.app.inject({ method: 'GET', url: `/api/requests/${item.id}`, headers: bearer(token) });
        const { history, ...view } = page.json();
        expect(history.length).toBeGreaterThan(0);
        expect(item).toEqual(view);
      }
      const deadlines = items.map((i) => i.clock.nextDeadlineAt);
      const withDeadline = deadlines.filter((d): d is string => d !== null);
      expect(deadlines.slice(0, withDeadline.length)).toEqual([...withDeadline].sort());
      const paged = [];
      for (let offset = 0; offset < items.length; offset += 2) {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/requests?limit=2&offset=${offset}`,
          headers: bearer(token),
        });
        paged.push(...(res.json().items as { id: string }[]).map((i) => i.id));
      }
      expect(paged).toEqual(items.map((i) => i.id));
    }
  });

  it('serves the reference data the form needs, with bilingual legal-basis names', async () => {
    const meta = (await t.app.inject({ method: 'GET', url: '/api/requests/meta', headers: bearer(analyst) })).json();
    expect(meta.legalBasesByType.preservation).toEqual(expect.arrayContaining(['coe_budapest_art29', 'us_2703f']));
    expect(meta.legalBases.find((b: { id: string }) => b.id === 'cn_us_mlaa').name.zh).toContain('刑事司法协助');
  });
});
