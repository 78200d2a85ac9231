// Sharing groups where peers are chosen beyond case share and broadcast (docs/federation.md §19), on
// both stores: an article share, an exercise scenario's participants and a TAXII collection's readers
// and writers take `groups`; each group expands, in the saving transaction, to its members that are
// active peers (a suspended member is skipped and named in the audit entry), an unknown group is
// refused with a bilingual 422 and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNodeCard, createKeyRing } from '../../src/federation/crypto/index.js';
import { addPeer } from '../../src/services/federation/add-peer.js';
import { setPeerStatus } from '../../src/services/federation/manage-peer.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';

type Json = Record<string, any>;

const ARTICLE = {
  kind: 'procedure',
  status: 'published',
  tlp: 'GREEN',
  title: { en: 'Preserving chat logs', zh: '聊天记录保全' },
  body: { en: 'Ask early.', zh: '尽早提出。' },
};

describe.each(STORES)('sharing groups in article shares, exercises and TAXII collections (%s)', (store) => {
  let t: TestApp;
  let admin: string;
  let analyst: string;
  let director: string;
  let group: string;
  let suspendedOnly: string;
  const call = (method: 'GET' | 'POST' | 'PATCH', token: string, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  const auditOf = async (subjectType: string, subjectId: string, action: string) =>
    (await call('GET', admin, `/api/audit?subjectType=${subjectType}&subjectId=${subjectId}&action=${action}`)).json()
      .items as { data: Json }[];
  const expectUnknownGroup = (res: { statusCode: number; json(): Json }) => {
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'GROUP_UNKNOWN',
      message: { en: expect.any(String), zh: expect.stringMatching(/[\u4e00-\u9fff]/) },
    });
  };

  beforeAll(async () => {
    t = await createTestApp(store);
    const system = { kind: 'system' as const, partyId: 'cn-test' };
    for (const [id, country] of [
      ['us-test', 'US'],
      ['sg-test', 'SG'],
      ['fr-test', 'FR'],
    ] as const) {
      const now = t.clock.now();
      const card = buildNodeCard(
        { id, name: { en: id, zh: id }, country, endpoint: 'http://127.0.0.1:9' },
        createKeyRing(now),
        now,
      );
      await addPeer(t.ctx, system, { card, fingerprint: card.fingerprint });
    }
    await setPeerStatus(t.ctx, system, 'fr-test', 'suspended');
    admin = (await t.userWith(['admin'])).token;
    analyst = (await t.userWith(['analyst'])).token;
    director = (await t.userWith(['supervisor'])).token;
    const created = await call('POST', admin, '/api/federation/groups', {
      name: { en: 'Fraud task force', zh: '反诈骗专案组' },
      members: ['us-test', 'fr-test', 'sg-test', 'cn-test'],
    });
    expect(created.statusCode, created.body).toBe(201);
    group = created.json().id;
    suspendedOnly = (
      await call('POST', admin, '/api/federation/groups', {
        name: { en: 'Suspended only', zh: '仅暂停成员' },
        members: ['fr-test'],
      })
    ).json().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const expansion = () => [
    {
      id: group,
      members: ['us-test', 'sg-test'],
      skipped: [
        { party: 'fr-test', reason: 'suspended' },
        { party: 'cn-test', reason: 'self' },
      ],
    },
  ];

  it('shares an article with a group: active members only, expansion audited, one delivery row per message', async () => {
    const a = (await call('POST', analyst, '/api/knowledge/articles', ARTICLE)).json() as Json;
    expectUnknownGroup(await call('POST', analyst, `/api/knowledge/articles/${a.id}/share`, { groups: ['nope'] }));
    const none = await call('POST', analyst, `/api/knowledge/articles/${a.id}/share`, { groups: [suspendedOnly] });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe('GROUP_NO_RECIPIENTS');
    const empty = await call('POST', analyst, `/api/knowledge/articles/${a.id}/share`, { peers: [] });
    expect(empty.statusCode).toBe(400);
    expect((await call('GET', analyst, `/api/knowledge/articles/${a.id}`)).json().sharedWith).toEqual([]);

    const shared = await call('POST', analyst, `/api/knowledge/articles/${a.id}/share`, { groups: [group] });
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json().sharedWith).toEqual(['us-test', 'sg-test']);
    const [entry] = await auditOf('knowledge_article', a.id, 'knowledge_article.shared');
    expect(entry?.data).toMatchObject({ peers: ['us-test', 'sg-test'], groupExpansion: expansion() });

    const deliveries = (await call('GET', analyst, `/api/knowledge/articles/${a.id}/deliveries`)).json()
      .items as Json[];
    expect(deliveries.map((d) => [d.peer, d.type, d.state, d.receipt])).toEqual([
      ['us-test', 'knowledge.article', 'pending', null],
      ['sg-test', 'knowledge.article', 'pending', null],
    ]);
    // Withdrawing the copy is filed under the article too.
    await call('POST', analyst, `/api/knowledge/articles/${a.id}/unshare`, { peers: ['sg-test'] });
    const after = (await call('GET', analyst, `/api/knowledge/articles/${a.id}/deliveries`)).json().items as Json[];
    expect(after.filter((d) => d.peer === 'sg-test').map((d) => d.type)).toEqual([
      'knowledge.article',
      'knowledge.unshared',
    ]);
  });

  it('adds a group’s active members to a scenario’s participants at save time, and records the expansion', async () => {
    const base = {
      title: { en: 'Task-force drill', zh: '专案组演练' },
      briefing: { en: 'A drill.', zh: '一次演练。' },
      participants: [],
      injects: [
        {
          kind: 'info',
          offsetMinutes: 0,
          party: 'sg-test',
          title: { en: 'Start', zh: '开始' },
          text: { en: 'Go.', zh: '开始。' },
        },
      ],
    };
    expectUnknownGroup(await call('POST', director, '/api/exercises/scenarios', { ...base, groups: ['nope'] }));
    // Without the group, sg-test is not a participant and the inject may not go to it.
    const refused = await call('POST', director, '/api/exercises/scenarios', base);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'EXERCISE_VALIDATION_FAILED',
      issues: expect.arrayContaining([expect.objectContaining({ path: 'participants' })]),
    });

    const created = await call('POST', director, '/api/exercises/scenarios', { ...base, groups: [group] });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().participants).toEqual(['us-test', 'sg-test']);
    const [entry] = await auditOf('exercise_scenario', created.json().id, 'exercise_scenario.created');
    expect(entry?.data).toMatchObject({ participants: ['us-test', 'sg-test'], groupExpansion: expansion() });

    // Editing keeps what was saved; a group chosen again adds nobody twice.
    const edited = await call('PATCH', director, `/api/exercises/scenarios/${created.json().id}`, {
      ...base,
      participants: ['sg-test'],
      groups: [group],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().participants).toEqual(['sg-test', 'us-test']);
  });

  it('adds a group’s active members to a TAXII collection’s readers and writers on save', async () => {
    expectUnknownGroup(
      await call('POST', admin, '/api/intel/collections', { title: 'Refused', readerGroups: ['nope'] }),
    );
    expect(
      ((await call('GET', admin, '/api/intel/collections')).json().items as Json[]).some((c) => c.title === 'Refused'),
    ).toBe(false);
    const created = await call('POST', admin, '/api/intel/collections', {
      title: 'Task force indicators',
      readers: ['kh-partner'],
      readerGroups: [group],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ readers: ['kh-partner', 'sg-test', 'us-test'], writers: [] });
    const [entry] = await auditOf('intel_collection', created.json().id, 'intel_collection.created');
    expect(entry?.data.groupExpansion).toEqual({ readers: expansion() });

    const changed = await call('PATCH', admin, `/api/intel/collections/${created.json().id}`, {
      writerGroups: [group],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      readers: ['kh-partner', 'sg-test', 'us-test'],
      writers: ['sg-test', 'us-test'],
    });
  });
});
