// Answering a request with evidence from the request alone, over two real nodes (issue 14, items 1,
// 4, 7, 9): the requested side files a file for the request (its case opened in the same step) and
// fulfils with it; the requester is told of every step, sees the item with the SHA-256 as sent and as
// received, its custody chain and a download, and each signed receipt decoded and verified.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preservationDraft } from '../factories.js';
import { eventually, startPeeredNodes, type PeeredNode } from '../support/peered-nodes.js';

async function upload(node: PeeredNode, token: string, requestId: string, query: string, bytes: Buffer) {
  const res = await fetch(`${node.node.url}/api/requests/${requestId}/evidence?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, json: (await res.json()) as any };
}

describe('answering a request with evidence from the request page', () => {
  let cn: PeeredNode;
  let us: PeeredNode;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const started = await startPeeredNodes([
      { id: 'cn-demo', store: 'embedded' },
      { id: 'us-demo', store: 'embedded' },
    ]);
    [cn, us] = started.nodes as [PeeredNode, PeeredNode];
    stop = started.stop;
  });
  afterAll(async () => {
    await stop?.();
  });

  it('files the answer in a case opened from the request, fulfils with it, and shows the requester what arrived', async () => {
    const cnInvestigator = await cn.userWith(['investigator']);
    const cnDuty = await cn.userWith(['point_of_contact']);
    const usDuty = await us.userWith(['point_of_contact']);
    const usAnalyst = await us.userWith(['analyst']);
    const draft = await cn.api(cnInvestigator, 'POST', '/api/requests', preservationDraft());
    const id = draft.json.id as string;
    expect((await cn.api(cnInvestigator, 'POST', `/api/requests/${id}/actions`, { action: 'submit' })).status).toBe(
      200,
    );
    await eventually(
      async () => (await us.api(usDuty, 'GET', `/api/requests/${id}`)).status === 200,
      'the request on the US node',
    );

    const file = Buffer.from('Subscriber records\nAccount created 2025-11-02 from 198.51.100.23\n');
    const sha256 = createHash('sha256').update(file).digest('hex');
    // Too early (not accepted yet): 409 with the rule in both languages, and nothing is opened.
    const early = await upload(us, usDuty, id, 'filename=records.txt&mediaType=text%2Fplain', file);
    expect(early.status).toBe(409);
    expect(early.json.error).toMatchObject({
      code: 'REQUEST_NOT_ANSWERABLE',
      message: { en: expect.any(String), zh: expect.stringMatching(/受理/) },
    });
    expect((await us.api(usDuty, 'GET', `/api/requests/${id}/cases`)).json.items).toEqual([]);
    // The requesting side cannot answer its own request; a role without evidence:add is refused by the route.
    expect((await upload(cn, cnInvestigator, id, 'filename=x.txt', file)).json.error.code).toBe('REQUEST_WRONG_PARTY');
    expect((await upload(us, usAnalyst, id, 'filename=x.txt', file)).status).toBe(403);

    for (const action of ['acknowledge', 'accept']) {
      expect((await us.api(usDuty, 'POST', `/api/requests/${id}/actions`, { action })).status).toBe(200);
    }
    const accepted = (await us.api(usDuty, 'GET', `/api/requests/${id}`)).json;
    expect(accepted.nextAction).toBe('start_work');
    expect(accepted.allowedActions[0]).toBe('start_work');
    expect(accepted.expectedStep).toMatchObject({ side: 'requested', action: 'start_work' });
    expect((await us.api(usDuty, 'POST', `/api/requests/${id}/actions`, { action: 'start_work' })).status).toBe(200);

    // A bad hash is a 400 naming the field, in both languages.
    const bad = await upload(us, usDuty, id, 'filename=records.txt&sha256=abc', file);
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0]).toMatchObject({
      path: 'querystring.sha256',
      message: { en: expect.stringMatching(/SHA-256/), zh: expect.stringMatching(/SHA-256/) },
    });

    const first = await upload(us, usDuty, id, `filename=records.txt&mediaType=text%2Fplain&sha256=${sha256}`, file);
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    expect(first.json).toMatchObject({
      caseOpened: true,
      evidence: { sha256, requestId: id },
      case: { mayAddEvidence: true },
    });
    const second = await upload(us, usDuty, id, 'filename=notes.txt', Buffer.from('notes'));
    expect(second.json).toMatchObject({ caseOpened: false, case: { id: first.json.case.id } });
    const opened = await us.api(usDuty, 'POST', `/api/requests/${id}/case`);
    expect(opened.status).toBe(200);
    expect(opened.json).toMatchObject({ opened: false, case: { id: first.json.case.id } });
    const usCases = (await us.api(usDuty, 'GET', `/api/requests/${id}/cases`)).json.items;
    expect(usCases).toEqual([
      expect.objectContaining({ id: first.json.case.id, title: { en: expect.any(String), zh: expect.any(String) } }),
    ]);
    const ready = (await us.api(usDuty, 'GET', `/api/requests/${id}/evidence`)).json;
    expect(ready.items.map((i: any) => i.state)).toEqual(['ready', 'ready']);

    const fulfil = await us.api(usDuty, 'POST', `/api/requests/${id}/actions`, {
      action: 'fulfil',
      evidenceIds: [first.json.evidence.id],
    });
    expect(fulfil.status, JSON.stringify(fulfil.json)).toBe(200);
    const sent = (await us.api(usDuty, 'GET', `/api/requests/${id}/evidence`)).json.items;
    expect(sent.map((i: any) => `${i.evidence.filename}:${i.state}`)).toEqual(['records.txt:sent', 'notes.txt:ready']);

    // The requester: the item, both hashes equal to the file's, a chain that verifies and a download.
    const arrived = await eventually(async () => {
      const r = await cn.api(cnInvestigator, 'GET', `/api/requests/${id}/evidence`);
      return r.status === 200 && r.json.items.length === 1 && r.json;
    }, 'the evidence on the CN node');
    const item = arrived.items[0];
    expect(item).toMatchObject({
      state: 'received',
      evidence: { filename: 'records.txt', sha256 },
      received: { from: 'us-demo', sentSha256: sha256, receivedSha256: sha256 },
    });
    const custody = (
      await cn.api(cnInvestigator, 'GET', `/api/cases/${item.case.id}/evidence/${item.evidence.id}/custody`)
    ).json;
    expect(custody.verification.ok).toBe(true);
    expect(custody.events.map((e: any) => `${e.kind}@${e.party}`)).toEqual([
      'collected@us-demo',
      'transferred@us-demo',
      'received@cn-demo',
    ]);
    const download = await fetch(`${cn.node.url}/api/cases/${item.case.id}/evidence/${item.evidence.id}/content`, {
      headers: { authorization: `Bearer ${cnInvestigator}` },
    });
    expect(
      createHash('sha256')
        .update(Buffer.from(await download.arrayBuffer()))
        .digest('hex'),
    ).toBe(sha256);
    expect((await cn.api(cnInvestigator, 'GET', `/api/requests/${id}/cases`)).json.items).toEqual([
      expect.objectContaining({ id: item.case.id }),
    ]);

    // Fulfilled: closing is the next step; withdrawing and new deadlines are not offered.
    const done = (await cn.api(cnInvestigator, 'GET', `/api/requests/${id}`)).json;
    expect(done.status).toBe('fulfilled');
    expect(done.nextAction).toBe('close');
    expect(done.allowedActions).not.toContain('withdraw');
    expect(done.allowedActions).not.toContain('propose_clock_override');
    expect((await cn.api(cnInvestigator, 'GET', '/api/requests?mine=true')).json.items.map((r: any) => r.id)).toContain(
      id,
    );
    expect((await us.api(usDuty, 'GET', '/api/requests?mine=true')).json.items.map((r: any) => r.id)).not.toContain(id);

    // Every US step reached the requester and the duty role, with a link to the request.
    for (const token of [cnInvestigator, cnDuty]) {
      const notes = await eventually(async () => {
        const items = (await cn.api(token, 'GET', '/api/notifications?limit=50')).json.items as any[];
        const steps = items.filter((n) => n.subjectType === 'request' && n.subjectId === id);
        return steps.length >= 4 && steps;
      }, 'the step notices');
      expect(notes.map((n: any) => n.kind).sort()).toEqual([
        'request.peer.accept',
        'request.peer.acknowledge',
        'request.peer.fulfil',
        'request.peer.start_work',
      ]);
      const fulfilNote = notes.find((n: any) => n.kind === 'request.peer.fulfil');
      expect(fulfilNote.title.en).toContain(draft.json.reference);
      expect(fulfilNote.body.zh).toContain('随附证据 1 件');
    }

    // The receipt of CN's submission: decoded, signed by the US node's key, verified now.
    const deliveries = (await cn.api(cnInvestigator, 'GET', `/api/requests/${id}/deliveries`)).json.items;
    const receipt = deliveries[0].receipt;
    expect(receipt).toMatchObject({
      verified: true,
      problem: null,
      signer: {
        party: 'us-demo',
        keyId: expect.any(String),
        fingerprint: expect.stringMatching(/^[A-Z2-7]{4}(-[A-Z2-7]{4})+$/),
      },
      receivedAt: expect.any(String),
      covers: [
        expect.objectContaining({
          mid: deliveries[0].mid,
          seq: expect.any(Number),
          status: 'accepted',
          thisMessage: true,
        }),
      ],
    });
    expect(receipt.jws.split('.')).toHaveLength(3);
  }, 120_000);
});
