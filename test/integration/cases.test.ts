// Cases through the HTTP API on both stores: membership (non-members see nothing), observables
// normalized and merged, the lifecycle and task refusals, the timeline, and the share preview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preservationDraft } from '../factories.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';

const HOUR = 3_600_000;
type Json = Record<string, any>;

describe.each(STORES)('cases (%s)', (store) => {
  let t: TestApp;
  let lead: { token: string; userId: string };
  let analyst: { token: string; userId: string };
  let outsider: { token: string; userId: string };
  let supervisor: { token: string; userId: string };
  let reader: { token: string; userId: string };
  let admin: { token: string; userId: string };
  beforeAll(async () => {
    t = await createTestApp(store);
    lead = await t.userWith(['investigator']);
    analyst = await t.userWith(['analyst']);
    outsider = await t.userWith(['investigator']);
    supervisor = await t.userWith(['supervisor']);
    reader = await t.userWith(['read_only']);
    admin = await t.userWith(['admin']);
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', token: string, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  const act = (token: string, id: string, payload: object) => call('POST', token, `/api/cases/${id}/actions`, payload);
  const newCase = async (extra: object = {}) => {
    const res = await call('POST', lead.token, '/api/cases', {
      title: { en: 'Pig-butchering ring', zh: '“杀猪盘”诈骗团伙' },
      crimeCategories: ['online_fraud'],
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Json;
  };

  it('opens a case with its creator as lead, and hides it from users who are not members', async () => {
    const kase = await newCase({ members: [{ userId: analyst.userId, caseRole: 'member' }] });
    expect(kase).toMatchObject({ status: 'open', myRole: 'lead', access: 'full', leadParty: 'cn-test', tlp: 'AMBER' });
    expect(kase.reference).toMatch(/^CN-TEST-CASE-2026-\d{4}$/);
    expect(kase.members.map((m: Json) => [m.userId, m.caseRole])).toEqual([
      [lead.userId, 'lead'],
      [analyst.userId, 'member'],
    ]);

    for (const url of [
      `/api/cases/${kase.id}`,
      `/api/cases/${kase.id}/observables`,
      `/api/cases/${kase.id}/timeline`,
    ]) {
      const res = await call('GET', outsider.token, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('CASE_NOT_FOUND');
    }
    expect((await call('PATCH', outsider.token, `/api/cases/${kase.id}`, { title: { en: 'x' } })).statusCode).toBe(404);
    // A supervisor who is not a member is an outsider too.
    expect((await call('GET', supervisor.token, `/api/cases/${kase.id}`)).statusCode).toBe(404);
    const ids = (token: string) => call('GET', token, '/api/cases').then((r) => r.json().items.map((c: Json) => c.id));
    expect(await ids(outsider.token)).not.toContain(kase.id);
    expect(await ids(analyst.token)).toContain(kase.id);

    // The admin manages membership: sees the members, never the content.
    const asAdmin = (await call('GET', admin.token, `/api/cases/${kase.id}`)).json();
    expect(asAdmin).toMatchObject({ access: 'membership', id: kase.id });
    expect(asAdmin.title).toBeUndefined();
    expect(asAdmin.observables).toBeUndefined();
    expect((await call('GET', admin.token, `/api/cases/${kase.id}/observables`)).json().error.code).toBe(
      'CASE_FORBIDDEN',
    );
    const added = await act(admin.token, kase.id, { action: 'add_member', userId: reader.userId, caseRole: 'viewer' });
    expect(added.statusCode, added.body).toBe(200);

    // Now a viewer: reads, cannot edit; and a read-only user can never lead.
    expect((await call('GET', reader.token, `/api/cases/${kase.id}`)).json().title.en).toBe('Pig-butchering ring');
    const edit = await call('PATCH', analyst.token, `/api/cases/${kase.id}`, { title: { en: 'Renamed' } });
    expect(edit.json().title.en).toBe('Renamed');
    const promote = await act(lead.token, kase.id, {
      action: 'set_member_role',
      userId: reader.userId,
      caseRole: 'lead',
    });
    expect(promote.statusCode).toBe(422);
    expect(promote.json().error.issues[0].code).toBe('CASE_ROLE_NOT_ALLOWED');
    const unknown = await act(lead.token, kase.id, { action: 'add_member', userId: 'nobody', caseRole: 'member' });
    expect(unknown.json().error.issues[0]).toMatchObject({ path: 'userId', code: 'CASE_MEMBER_UNKNOWN_USER' });
    const byAnalyst = await act(analyst.token, kase.id, {
      action: 'add_member',
      userId: outsider.userId,
      caseRole: 'member',
    });
    expect(byAnalyst.statusCode).toBe(403);
    expect(byAnalyst.json().error.code).toBe('CASE_FORBIDDEN');
  });

  it('normalizes observables (defanged URL, IDN domain, full-width digits), merges duplicates and refuses a bad checksum in both languages', async () => {
    const kase = await newCase();
    const url = `/api/cases/${kase.id}/observables`;
    const first = await call('POST', lead.token, url, {
      observables: [
        { type: 'url', value: 'hxxp://evil[.]example[.]com/login' },
        { type: 'domain', value: 'bücher.de' },
        { type: 'phone', value: '１３８１２３４５６７８', options: { defaultCountry: 'CN' } },
      ],
    });
    expect(first.statusCode, first.body).toBe(201);
    const added = first.json().added;
    expect(added.map((o: Json) => o.value)).toEqual([
      'http://evil.example.com/login',
      'xn--bcher-kva.de',
      '+8613812345678',
    ]);
    expect(added[0].flags).toContain('refanged');
    expect(added[1].display).toBe('bücher.de');
    expect(added[0].tlp).toBe('AMBER');

    const again = await call('POST', lead.token, url, {
      type: 'url',
      value: 'hxxp://evil.example[.]com/login',
      tags: ['phishing'],
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().added).toEqual([]);
    expect(again.json().duplicates).toEqual([{ key: 'url:http://evil.example.com/login', keptId: added[0].id }]);
    expect(again.json().merged[0].tags).toEqual(['phishing']);

    const bad = await call('POST', lead.token, url, {
      observables: [
        { type: 'email', value: 'boss@例子.中国' },
        { type: 'crypto_wallet', value: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb' },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('OBSERVABLE_INVALID');
    const issue = bad.json().error.issues[0];
    expect(issue).toMatchObject({ path: 'observables.1.value', code: 'OBSERVABLE_WALLET_CHECKSUM' });
    expect(issue.message.en).toMatch(/checksum/i);
    expect(issue.message.zh).toMatch(/[\u4e00-\u9fff]/);

    // Partial mode: a paste of several values keeps the good ones and reports the rest.
    const paste = await call('POST', lead.token, url, {
      paste: { type: 'ip', text: '１．１．１．１\n8.8.8.8\nnot-an-ip\n' },
      atomic: false,
    });
    expect(paste.statusCode, paste.body).toBe(201);
    expect(paste.json().added.map((o: Json) => o.value)).toEqual(['1.1.1.1', '8.8.8.8']);
    expect(paste.json().rejected).toMatchObject([{ index: 2, value: 'not-an-ip' }]);

    const listed = (await call('GET', analyst.token, url)).statusCode;
    expect(listed).toBe(404); // not a member of this case
    const all = (await call('GET', lead.token, url)).json().items;
    expect(all.map((o: Json) => o.value)).toEqual([
      'http://evil.example.com/login',
      'xn--bcher-kva.de',
      '+8613812345678',
      '1.1.1.1',
      '8.8.8.8',
    ]);
    expect((await call('GET', lead.token, `${url}?type=ip`)).json().items).toHaveLength(2);
  });

  it('runs the lifecycle and tasks, refusing transitions that are not allowed (409)', async () => {
    const kase = await newCase({
      members: [
        { userId: analyst.userId, caseRole: 'member' },
        { userId: supervisor.userId, caseRole: 'viewer' },
      ],
    });
    const id = kase.id;
    expect((await act(lead.token, id, { action: 'resume' })).json().error.code).toBe('CASE_INVALID_TRANSITION');
    expect((await act(lead.token, id, { action: 'activate' })).json().status).toBe('active');
    expect((await act(analyst.token, id, { action: 'suspend', reason: 'waiting' })).statusCode).toBe(403);
    expect((await act(lead.token, id, { action: 'suspend', reason: '' })).statusCode).toBe(400);
    expect((await act(lead.token, id, { action: 'suspend', reason: 'Waiting for the bank' })).json()).toMatchObject({
      status: 'suspended',
      statusReason: 'Waiting for the bank',
    });
    expect((await act(lead.token, id, { action: 'resume' })).json().status).toBe('active');

    const tasks = `/api/cases/${id}/tasks`;
    const dueAt = new Date(t.clock.now().getTime() + 2 * HOUR).toISOString();
    const created = await call('POST', lead.token, tasks, {
      title: 'Trace the wallet',
      assigneeUserId: analyst.userId,
      dueAt,
    });
    expect(created.statusCode, created.body).toBe(201);
    const task = created.json();
    expect(task).toMatchObject({ status: 'todo', dueState: 'due_soon', isOverdue: false });
    const toViewer = await call('POST', lead.token, tasks, { title: 'x', assigneeUserId: supervisor.userId });
    expect(toViewer.json().error.code).toBe('TASK_ASSIGNEE_NOT_MEMBER');
    const taskAct = (token: string, payload: object) => call('POST', token, `${tasks}/${task.id}/actions`, payload);
    expect((await taskAct(analyst.token, { action: 'start' })).json().status).toBe('doing');
    expect((await taskAct(analyst.token, { action: 'complete', note: 'Found the exchange' })).json().status).toBe(
      'done',
    );
    const again = await taskAct(analyst.token, { action: 'start' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('TASK_INVALID_TRANSITION');
    expect((await taskAct(lead.token, { action: 'reopen', reason: 'New wallet' })).json().status).toBe('todo');
    t.clock.advance(3 * HOUR);
    const listed = (await call('GET', lead.token, tasks)).json().items;
    expect(listed[0]).toMatchObject({ id: task.id, isOverdue: true, dueState: 'overdue' });
    expect(
      (
        await call('POST', lead.token, `${tasks}/01900000-0000-7000-8000-000000000000/actions`, { action: 'start' })
      ).json().error.code,
    ).toBe('TASK_NOT_FOUND');

    expect((await act(lead.token, id, { action: 'close', reason: 'Suspects charged' })).json().status).toBe('closed');
    expect((await taskAct(lead.token, { action: 'cancel' })).json().error.code).toBe('CASE_CLOSED');
    expect(
      (await call('POST', lead.token, `/api/cases/${id}/observables`, { type: 'ip', value: '9.9.9.9' })).json().error
        .code,
    ).toBe('CASE_CLOSED');
    expect((await act(lead.token, id, { action: 'reopen', reason: 'Appeal' })).statusCode).toBe(403); // a supervisor reopens
    expect((await act(supervisor.token, id, { action: 'reopen', reason: 'Appeal' })).json().status).toBe('active');
  });

  it('links requests and parties, and keeps a timeline in order across a restart', async () => {
    const kase = await newCase();
    const id = kase.id;
    const request = await call('POST', lead.token, '/api/requests', preservationDraft());
    t.clock.advance(60_000);
    const unknown = await act(lead.token, id, {
      action: 'link_request',
      requestId: '01900000-0000-7000-8000-000000000000',
    });
    expect(unknown.json().error.issues[0]).toMatchObject({ path: 'requestId', code: 'CASE_LINK_UNKNOWN' });
    expect(
      (await act(lead.token, id, { action: 'link_request', requestId: request.json().id })).json().linkedRequestIds,
    ).toEqual([request.json().id]);
    t.clock.advance(60_000);
    expect(
      (await act(lead.token, id, { action: 'add_party', partyId: 'us-demo' })).json().participatingParties,
    ).toEqual(['cn-test', 'us-demo']);
    expect((await act(lead.token, id, { action: 'remove_party', partyId: 'cn-test' })).json().error.code).toBe(
      'CASE_LEAD_PARTY_REQUIRED',
    );
    t.clock.advance(60_000);
    await call('POST', lead.token, `/api/cases/${id}/observables`, { type: 'domain', value: 'scam.example' });
    t.clock.advance(60_000);
    await act(lead.token, id, { action: 'activate' });

    await t.reopen();
    const timeline = (await call('GET', lead.token, `/api/cases/${id}/timeline`)).json().items as Json[];
    expect(timeline.map((e) => e.kind)).toEqual([
      'case.created',
      'case.request_linked',
      'case.party_added',
      'observable.added',
      'case.activated',
    ]);
    expect(timeline.map((e) => e.at)).toEqual([...timeline.map((e) => e.at)].sort());
    expect(timeline[3]).toMatchObject({
      summary: { en: 'Domain added: scam.example', zh: '新增域名：scam.example' },
      ref: { type: 'observable' },
    });
    const detail = (await call('GET', lead.token, `/api/cases/${id}`)).json();
    expect(detail.timeline).toEqual(timeline);
    expect(detail.observables).toHaveLength(1);
    const audit = await t.ctx.db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY seq',
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'case.created',
      'case.request_linked',
      'case.party_added',
      'case.observable.added',
      'case.activated',
    ]);
  });

  it('filters the list by status, category, text and cases I lead', async () => {
    const ransom = await newCase({
      title: { en: 'LockBit affiliate', zh: '勒索软件' },
      crimeCategories: ['ransomware'],
    });
    await act(lead.token, ransom.id, { action: 'activate' });
    const list = async (qs: string, token = lead.token) =>
      (await call('GET', token, `/api/cases?${qs}`)).json().items.map((c: Json) => c.id);
    expect(await list('category=ransomware')).toEqual([ransom.id]);
    expect(await list('status=active&category=ransomware,csam')).toEqual([ransom.id]);
    expect(await list('q=lockbit')).toEqual([ransom.id]);
    expect(await list('q=勒索')).toEqual([ransom.id]);
    expect(await list('mine=true')).toContain(ransom.id);
    expect(await list('mine=true', analyst.token)).toEqual([]);
    expect((await call('GET', lead.token, '/api/cases?status=bogus')).statusCode).toBe(400);
    const meta = (await call('GET', reader.token, '/api/cases/meta')).json();
    expect(meta.observableTypes.icp_licence.zh).toContain('ICP');
    expect(meta.tlp.RED.description.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('previews a share per recipient and refuses what confidentiality forbids', async () => {
    const kase = await newCase();
    await call('POST', lead.token, `/api/cases/${kase.id}/observables`, {
      observables: [
        { type: 'domain', value: 'a.example' },
        { type: 'domain', value: 'b.example', tlp: 'RED' },
      ],
    });
    const url = `/api/cases/${kase.id}/share/preview`;
    const plan = await call('POST', lead.token, url, { recipients: ['us-demo'], granularity: 'whole_case' });
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json().recipients[0]).toMatchObject({ party: 'us-demo', caseContent: true, peer: null, refused: [] });
    expect(plan.json().recipients[0].observables).toHaveLength(2);
    expect(
      (await call('POST', lead.token, url, { recipients: ['cn-test'], granularity: 'whole_case' })).json().error
        .issues[0].code,
    ).toBe('SHARE_SELF');
    await call('PATCH', lead.token, `/api/cases/${kase.id}`, { confidentiality: 'secret' });
    const secret = await call('POST', lead.token, url, { recipients: ['us-demo'], granularity: 'whole_case' });
    expect(secret.statusCode).toBe(403);
    expect(secret.json().error.code).toBe('CASE_SHARE_CONFIDENTIAL');
  });
});
