// Sharing groups and hotline broadcasts across three real nodes (docs/federation.md §19): a case or an
// article shared to a group reaches each member with per-recipient delivery status; a broadcast to a
// group of two places one call on each, and the sender sees who acknowledged and who has not yet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startPeeredNodes, type PeeredNode } from '../support/peered-nodes.js';

describe('sharing groups and hotline broadcast across the federation', () => {
  let cn: PeeredNode;
  let us: PeeredNode;
  let sg: PeeredNode;
  let stop: () => Promise<void>;
  let cnAdmin: string;
  let cnLead: string;
  let cnDuty: string;
  let usPoc: string;
  let sgPoc: string;
  let groupId: string;
  beforeAll(async () => {
    const started = await startPeeredNodes([
      { id: 'cn-demo', store: 'postgres' },
      { id: 'us-demo', store: 'embedded' },
      { id: 'sg-demo', store: 'embedded' },
    ]);
    [cn, us, sg] = started.nodes as [PeeredNode, PeeredNode, PeeredNode];
    stop = started.stop;
    usPoc = await us.userWith(['point_of_contact']);
    sgPoc = await sg.userWith(['point_of_contact']);
    cnAdmin = await cn.userWith(['admin']);
    cnLead = await cn.userWith(['investigator']);
    cnDuty = await cn.userWith(['point_of_contact']);
    const created = await cn.api(cnAdmin, 'POST', '/api/federation/groups', {
      name: { en: 'Fraud task force', zh: '反诈骗专案组' },
      region: 'Asia-Pacific',
      members: ['us-demo', 'sg-demo', 'cn-demo', 'us-demo'],
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json.members).toEqual(['us-demo', 'sg-demo', 'cn-demo']);
    groupId = created.json.id;
  }, 120_000);
  afterAll(async () => {
    await stop?.();
  });

  it('lets only admins manage groups, refuses bad input with a bilingual 4xx, and audits every change', async () => {
    const refused = await cn.api(cnLead, 'POST', '/api/federation/groups', {
      name: { en: 'X', zh: 'X' },
      members: ['us-demo'],
    });
    expect(refused.status).toBe(403);
    const bad = await cn.api(cnAdmin, 'POST', '/api/federation/groups', { name: { en: '', zh: '' }, members: [] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['body.name.en', 'body.members']),
    );
    expect(bad.json.error.issues[0].message.zh).toMatch(/[\u4e00-\u9fff]/);
    const listed = await cn.api(cnLead, 'GET', '/api/federation/groups');
    expect(listed.json.items).toEqual([expect.objectContaining({ id: groupId, region: 'Asia-Pacific' })]);
    const audit = await cn.api(cnAdmin, 'GET', '/api/audit?subjectType=sharing_group');
    expect(JSON.stringify(audit.json)).toContain('federation.group_created');
  });

  it('shares a case to a group: expanded to its active peer members, each receives it, delivery status per recipient', async () => {
    const kase = await cn.api(cnLead, 'POST', '/api/cases', {
      title: { en: 'Task-force case', zh: '专案组案件' },
      crimeCategories: ['online_fraud'],
      tlp: 'AMBER',
    });
    expect(kase.status, JSON.stringify(kase.json)).toBe(201);
    const unknown = await cn.api(cnLead, 'POST', `/api/cases/${kase.json.id}/share`, {
      groups: ['no-such-group'],
      granularity: 'whole_case',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.code).toBe('GROUP_UNKNOWN');
    const shared = await cn.api(cnLead, 'POST', `/api/cases/${kase.json.id}/share`, {
      recipients: ['us-demo'],
      groups: [groupId],
      granularity: 'whole_case',
    });
    expect(shared.status, JSON.stringify(shared.json)).toBe(202);
    expect(shared.json.recipients.map((r: { party: string }) => r.party)).toEqual(['us-demo', 'sg-demo']);
    for (const [node, token] of [
      [us, usPoc],
      [sg, sgPoc],
    ] as const) {
      await eventually(async () => {
        const list = (await node.api(token, 'GET', '/api/cases?limit=100')).json.items as { id: string }[];
        for (const item of list) {
          const detail = (await node.api(token, 'GET', `/api/cases/${item.id}`)).json;
          if (detail.sharedFrom?.caseId === kase.json.id) return detail;
        }
        return undefined;
      }, `the shared case on ${node.id}`);
    }
    const deliveries = await eventually(async () => {
      const items = (await cn.api(cnLead, 'GET', `/api/cases/${kase.json.id}/deliveries`)).json.items as {
        peer: string;
        result: string | null;
      }[];
      return items.length === 2 && items.every((d) => d.result === 'accepted') && items;
    }, 'signed receipts from both group members');
    expect(deliveries.map((d) => d.peer).sort()).toEqual(['sg-demo', 'us-demo']);
    // The audit entry of each recipient names the groups it came through and the whole expansion.
    const audit = (
      await cn.api(cnAdmin, 'GET', `/api/audit?subjectType=case&subjectId=${kase.json.id}&action=case.shared`)
    ).json.items as { data: Record<string, unknown> }[];
    const toSg = audit.find((e) => e.data.recipient === 'sg-demo');
    expect(toSg?.data.viaGroups).toEqual([groupId]);
    expect(toSg?.data.groupExpansion).toEqual([
      { id: groupId, members: ['us-demo', 'sg-demo'], skipped: [{ party: 'cn-demo', reason: 'self' }] },
    ]);
  });

  it('broadcasts to a group of two: both get an incoming call; one acknowledges; the sender sees one acknowledged, one pending', async () => {
    const placed = await cn.api(cnDuty, 'POST', '/api/calls/broadcasts', {
      groups: [groupId],
      topic: 'emergency_threat_to_life',
      urgency: 'emergency',
      language: 'en',
      message: 'Coordinated threat to life; check your subscribers.',
      callback: { name: 'Duty officer Li', phone: '+86 10 5555 0100', timeZone: 'Asia/Shanghai' },
    });
    expect(placed.status, JSON.stringify(placed.json)).toBe(201);
    expect(placed.json.calls.map((c: { party: string }) => c.party)).toEqual(['us-demo', 'sg-demo']);
    const callOn = (party: string) =>
      placed.json.calls.find((c: { party: string }) => c.party === party).callId as string;
    for (const [node, token, party] of [
      [us, usPoc, 'us-demo'],
      [sg, sgPoc, 'sg-demo'],
    ] as const) {
      const incoming = await eventually(async () => {
        const r = await node.api(token, 'GET', `/api/calls/${callOn(party)}`);
        return r.status === 200 && r.json;
      }, `the call on ${party}`);
      expect(incoming.direction).toBe('incoming');
      expect(incoming.allowedActions).toContain('acknowledge');
    }
    expect(
      (await us.api(usPoc, 'POST', `/api/calls/${callOn('us-demo')}/actions`, { action: 'acknowledge' })).status,
    ).toBe(200);
    const view = await eventually(async () => {
      const r = (await cn.api(cnDuty, 'GET', `/api/calls/broadcasts/${placed.json.id}`)).json;
      return r.counts?.acknowledged === 1 && r;
    }, 'the acknowledgement on the sender');
    expect(view.counts).toMatchObject({ recipients: 2, acknowledged: 1 });
    const byParty = Object.fromEntries(view.recipients.map((r: { party: string }) => [r.party, r]));
    expect(byParty['us-demo']).toMatchObject({
      state: 'acknowledged',
      acknowledgedBy: expect.stringMatching(/of us-demo/),
    });
    expect(byParty['sg-demo'].state).not.toBe('acknowledged');
    expect(byParty['sg-demo']).toMatchObject({ acknowledgedAt: null, escalationLevel: 0 });
    const listed = (await cn.api(cnDuty, 'GET', '/api/calls/broadcasts')).json.items;
    expect(listed[0].id).toBe(placed.json.id);
  });

  it('shares an article to a group: each member holds a copy, the sender sees a signed receipt per recipient', async () => {
    const cnAnalyst = await cn.userWith(['analyst']);
    const article = await cn.api(cnAnalyst, 'POST', '/api/knowledge/articles', {
      kind: 'procedure',
      status: 'published',
      tlp: 'GREEN',
      title: { en: 'Task-force contact procedure', zh: '专案组联络程序' },
      body: { en: 'Call the duty desk first.', zh: '先致电值班台。' },
    });
    expect(article.status, JSON.stringify(article.json)).toBe(201);
    const shared = await cn.api(cnAnalyst, 'POST', `/api/knowledge/articles/${article.json.id}/share`, {
      groups: [groupId],
    });
    expect(shared.status, JSON.stringify(shared.json)).toBe(200);
    expect(shared.json.sharedWith).toEqual(['us-demo', 'sg-demo']);
    for (const [node, token] of [
      [us, usPoc],
      [sg, sgPoc],
    ] as const) {
      const copy = await eventually(async () => {
        const r = await node.api(token, 'GET', `/api/knowledge/articles/${article.json.id}`);
        return r.status === 200 && r.json;
      }, `the article on ${node.id}`);
      expect(copy).toMatchObject({ isOwn: false, originParty: 'cn-demo' });
    }
    const deliveries = await eventually(async () => {
      const items = (await cn.api(cnAnalyst, 'GET', `/api/knowledge/articles/${article.json.id}/deliveries`)).json
        .items as { peer: string; type: string; result: string | null; receipt: { verified: boolean } | null }[];
      return items.length === 2 && items.every((d) => d.result === 'accepted') && items;
    }, 'signed receipts for the article from both group members');
    expect(deliveries.map((d) => [d.peer, d.type, d.receipt?.verified])).toEqual([
      ['us-demo', 'knowledge.article', true],
      ['sg-demo', 'knowledge.article', true],
    ]);
  });
});
