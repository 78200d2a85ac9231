// Knowledge-base sharing across real nodes (docs/spec.md §7.1): one node on the system PostgreSQL, one on the embedded server.
// Share → the peer holds a read-only copy naming the origin (and finds it by search); a new
// version reaches it; attachments arrive intact; unshare withdraws it; TLP:RED never leaves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startPeeredNodes, type PeeredNode } from '../support/peered-nodes.js';

const ARTICLE = {
  kind: 'typology',
  status: 'published',
  tlp: 'GREEN',
  tags: ['pig-butchering'],
  title: { en: 'Pig-butchering investment fraud', zh: '“杀猪盘”投资诈骗' },
  body: { en: 'Scammers groom victims on dating apps.', zh: '诈骗分子通过交友软件接近受害人。' },
};

describe('knowledge base sharing across the federation', () => {
  let cn: PeeredNode;
  let us: PeeredNode;
  let stop: () => Promise<void>;
  let cnAnalyst: string;
  let usAnalyst: string;
  beforeAll(async () => {
    const started = await startPeeredNodes([
      { id: 'cn-demo', store: 'postgres' },
      { id: 'us-demo', store: 'embedded' },
    ]);
    [cn, us] = started.nodes as [PeeredNode, PeeredNode];
    stop = started.stop;
    cnAnalyst = await cn.userWith(['analyst']);
    usAnalyst = await us.userWith(['analyst']);
  }, 120_000);
  afterAll(async () => {
    await stop?.();
  });

  const copyOn = (node: PeeredNode, token: string, id: string) =>
    node.api(token, 'GET', `/api/knowledge/articles/${id}`);
  const patch = async (node: PeeredNode, token: string, url: string, body: object) => {
    const res = await fetch(`${node.node.url}${url}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as any };
  };
  const knowledgeOutbox = async () =>
    (
      await cn.node.ctx.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM federation_outbox WHERE channel = 'knowledge'`,
      )
    )[0]!.n;

  it('shares an article, sends new versions and attachments, and withdraws it on unshare', async () => {
    const created = await cn.api(cnAnalyst, 'POST', '/api/knowledge/articles', ARTICLE);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const id = created.json.id as string;
    const bytes = Buffer.from('案例截图 screenshot bytes');
    const up = await fetch(
      `${cn.node.url}/api/knowledge/articles/${id}/attachments?fileName=case.txt&mediaType=text/plain`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${cnAnalyst}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(bytes),
      },
    );
    expect(up.status).toBe(201);
    const attachmentId = ((await up.json()) as { id: string }).id;

    const shared = await cn.api(cnAnalyst, 'POST', `/api/knowledge/articles/${id}/share`, { peers: ['us-demo'] });
    expect(shared.status, JSON.stringify(shared.json)).toBe(200);
    expect(shared.json.sharedWith).toEqual(['us-demo']);

    const copy = await eventually(async () => {
      const res = await copyOn(us, usAnalyst, id);
      return res.status === 200 && res.json.attachments.length === 1 ? res.json : undefined;
    }, 'the article and its attachment on us-demo');
    expect(copy).toMatchObject({ version: 1, originParty: 'cn-demo', isOwn: false, title: ARTICLE.title });
    const file = await fetch(`${us.node.url}/api/knowledge/articles/${id}/attachments/${attachmentId}`, {
      headers: { authorization: `Bearer ${usAnalyst}` },
    });
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);

    // The copy is read-only on the receiving node, and searchable there.
    const edit = await patch(us, usAnalyst, `/api/knowledge/articles/${id}`, {
      content: ARTICLE,
      note: '',
      expectedVersion: 1,
    });
    expect(edit.json.error.code).toBe('KNOWLEDGE_READ_ONLY_COPY');
    const found = await us.api(usAnalyst, 'GET', `/api/search?q=${encodeURIComponent('杀猪盘')}`);
    expect(found.json.items.map((i: { id: string }) => i.id)).toContain(id);

    const v2 = await patch(cn, cnAnalyst, `/api/knowledge/articles/${id}`, {
      content: {
        ...ARTICLE,
        body: { ...ARTICLE.body, en: 'Scammers groom victims on dating apps, then move them to fake trading apps.' },
      },
      note: 'second stage described',
      expectedVersion: 1,
    });
    expect(v2.status, JSON.stringify(v2.json)).toBe(200);
    const updated = await eventually(async () => {
      const res = await copyOn(us, usAnalyst, id);
      return res.json.version === 2 ? res.json : undefined;
    }, 'version 2 on us-demo');
    expect(updated.body.en).toContain('fake trading apps');
    expect(updated.versions.map((v: { version: number; note: string }) => [v.version, v.note])).toEqual([
      [2, 'second stage described'],
      [1, ''],
    ]);

    const unshared = await cn.api(cnAnalyst, 'POST', `/api/knowledge/articles/${id}/unshare`, { peers: ['us-demo'] });
    expect(unshared.json.sharedWith).toEqual([]);
    await eventually(async () => (await copyOn(us, usAnalyst, id)).status === 404, 'the copy withdrawn from us-demo');
    const gone = await us.api(usAnalyst, 'GET', `/api/search?q=${encodeURIComponent('杀猪盘')}`);
    expect(gone.json.items.map((i: { id: string }) => i.id)).not.toContain(id);
  }, 90_000);

  it('refuses to send a TLP:RED article and sends nothing', async () => {
    const red = await cn.api(cnAnalyst, 'POST', '/api/knowledge/articles', { ...ARTICLE, tlp: 'RED' });
    const before = await knowledgeOutbox();
    const refused = await cn.api(cnAnalyst, 'POST', `/api/knowledge/articles/${red.json.id}/share`, {
      peers: ['us-demo'],
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('KNOWLEDGE_SHARE_REFUSED');
    expect(await knowledgeOutbox()).toBe(before);
    expect((await cn.api(cnAnalyst, 'GET', `/api/knowledge/articles/${red.json.id}`)).json.sharedWith).toEqual([]);
  });
});
