// One visibility rule for a case on every read path (domain caseAccess): notifications about a case
// reach only those who may see it, search and correlation name a case only to them; and an admin who
// grants themselves a case role or a working role is audited and every supervisor is told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../src/services/notification/notify.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';

type Json = Record<string, any>;

describe.each(STORES)('case visibility on every read path (%s)', (store) => {
  let t: TestApp;
  let lead: { token: string; userId: string };
  let memberPoc: { token: string; userId: string };
  let otherPoc: { token: string; userId: string };
  let admin: { token: string; userId: string };
  let supervisor: { token: string; userId: string };
  let caseId: string;
  let reference: string;
  const call = (method: 'GET' | 'POST' | 'PATCH', token: string, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  const notificationsOf = async (token: string) =>
    (await call('GET', token, '/api/notifications?limit=200')).json().items as Json[];

  beforeAll(async () => {
    t = await createTestApp(store);
    lead = await t.userWith(['investigator']);
    memberPoc = await t.userWith(['point_of_contact']);
    otherPoc = await t.userWith(['point_of_contact']);
    admin = await t.userWith(['admin']);
    supervisor = await t.userWith(['supervisor']);
    const created = await call('POST', lead.token, '/api/cases', {
      title: { en: 'Operation Harrier', zh: '鹞行动' },
      summary: { en: 'Wallet of the launderer', zh: '洗钱者的钱包' },
      crimeCategories: ['online_fraud'],
      tlp: 'RED',
      confidentiality: 'secret',
      members: [{ userId: memberPoc.userId, caseRole: 'member' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    caseId = created.json().id;
    reference = created.json().reference;
    await call('POST', lead.token, `/api/cases/${caseId}/observables`, {
      observables: [{ type: 'email', value: 'harrier.launder@example.net' }],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows a notification about a case only to those who may see the case, even when it was addressed to a role', async () => {
    // As a shared case's arrival used to be announced: to every point of contact, with the title.
    await t.ctx.db.transaction((tx) =>
      notify(
        tx,
        {
          to: { role: 'point_of_contact' },
          kind: 'case.shared',
          subjectType: 'case',
          subjectId: caseId,
          severity: 'info',
          title: { en: 'Case shared with us', zh: '收到共享案件' },
          body: { en: `${reference} — Operation Harrier`, zh: `${reference} — 鹞行动` },
        },
        t.clock.now(),
      ),
    );
    expect((await notificationsOf(memberPoc.token)).filter((n) => n.subjectId === caseId)).toHaveLength(1);
    const leaked = (await notificationsOf(otherPoc.token)).filter(
      (n) => n.subjectId === caseId || JSON.stringify(n).includes('Harrier'),
    );
    expect(leaked).toEqual([]);
  });

  it('names the case in search and correlation only to those who see its content', async () => {
    const search = async (token: string) => (await call('GET', token, '/api/search?q=Harrier')).json();
    expect((await search(lead.token)).items.map((h: Json) => h.id)).toContain(caseId);
    for (const who of [otherPoc, admin]) {
      const res = await search(who.token);
      expect(JSON.stringify(res)).not.toMatch(/Harrier|鹞行动/);
    }
    const sources = async (token: string) =>
      await call(
        'GET',
        token,
        `/api/intel/correlations?type=email&value=${encodeURIComponent('harrier.launder@example.net')}`,
      );
    const mine = await sources(lead.token);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().sources.map((s: Json) => s.id)).toContain(caseId);
    const theirs = await sources(otherPoc.token);
    expect(theirs.json().sources.map((s: Json) => s.id)).not.toContain(caseId);
  });

  it('audits an admin adding themselves to a case and tells every supervisor', async () => {
    const added = await call('POST', admin.token, `/api/cases/${caseId}/actions`, {
      action: 'add_member',
      userId: admin.userId,
      caseRole: 'viewer',
    });
    expect(added.statusCode, added.body).toBe(200);
    const audit = (await call('GET', supervisor.token, '/api/audit?action=security.self_grant')).json().items as Json[];
    expect(audit.map((e) => [e.subjectType, e.subjectId, e.data.grant])).toContainEqual([
      'user',
      admin.userId,
      'case_role',
    ]);
    const notices = (await notificationsOf(supervisor.token)).filter((n) => n.kind === 'security.self_grant');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body.en).toContain(reference);
    expect(notices[0]!.body.zh).toMatch(/[\u4e00-\u9fff]/);
    // The notice names the case by reference only, never its title.
    expect(JSON.stringify(notices[0])).not.toMatch(/Harrier|鹞行动/);
    // Adding someone else is ordinary membership work: no self-grant notice.
    const other = await t.userWith(['analyst']);
    await call('POST', admin.token, `/api/cases/${caseId}/actions`, {
      action: 'add_member',
      userId: other.userId,
      caseRole: 'viewer',
    });
    expect((await notificationsOf(supervisor.token)).filter((n) => n.kind === 'security.self_grant')).toHaveLength(1);
  });

  it('audits an admin giving themselves a working role and tells every supervisor', async () => {
    const second = await t.userWith(['admin']);
    const res = await call('PATCH', second.token, `/api/users/${second.userId}`, { roles: ['admin', 'investigator'] });
    expect(res.statusCode, res.body).toBe(200);
    const audit = (await call('GET', supervisor.token, '/api/audit?action=security.self_grant')).json().items as Json[];
    expect(audit.find((e) => e.subjectId === second.userId)?.data).toMatchObject({
      grant: 'roles',
      added: ['investigator'],
    });
    const notices = (await notificationsOf(supervisor.token)).filter(
      (n) => n.kind === 'security.self_grant' && n.subjectId === second.userId,
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body.en).toContain('investigator');
    // Another admin changing someone else's roles is not a self-grant.
    await call('PATCH', second.token, `/api/users/${supervisor.userId}`, { roles: ['supervisor', 'analyst'] });
    expect((await notificationsOf(supervisor.token)).filter((n) => n.kind === 'security.self_grant')).toHaveLength(2);
  });
});
