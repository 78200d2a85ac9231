// Case sharing and evidence transfer across real nodes (docs/spec.md §4.3, §4.4, §1.6): one node on
// PostgreSQL, two on PGlite. Bilateral flows use two of them; the multilateral ones all three.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_TRANSFERRED, CASES_CHANNEL } from '../../src/services/case/case-share-messages.js';
import { transferEvidence } from '../../src/services/case/evidence-transfer.js';
import { enqueueMessage } from '../../src/federation/outbox.js';
import { findCase } from '../../src/storage/repositories/case.repository.js';
import { findEvidence } from '../../src/storage/repositories/evidence.repository.js';
import { preservationDraft } from '../factories.js';
import { eventually, startPeeredNodes, type PeeredNode } from '../support/peered-nodes.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function upload(
  node: PeeredNode,
  token: string,
  caseId: string,
  filename: string,
  bytes: Buffer,
  extra: Record<string, string> = {},
) {
  const q = new URLSearchParams({ filename, mediaType: 'text/plain', ...extra });
  const res = await fetch(`${node.node.url}/api/cases/${caseId}/evidence?${q}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(201);
  return json as { id: string; sha256: string };
}

async function download(node: PeeredNode, token: string, caseId: string, evidenceId: string): Promise<Buffer> {
  const res = await fetch(`${node.node.url}/api/cases/${caseId}/evidence/${evidenceId}/content`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** The receiver's copy of a sender's case (found by the sender's case id), in full. */
async function copyOf(node: PeeredNode, token: string, senderCaseId: string): Promise<any> {
  const list = await node.api(token, 'GET', '/api/cases?limit=500');
  for (const item of list.json.items ?? []) {
    const detail = await node.api(token, 'GET', `/api/cases/${item.id}`);
    if (detail.json.sharedFrom?.caseId === senderCaseId) return detail.json;
  }
  return undefined;
}

describe('case sharing and evidence transfer across the federation', () => {
  let cn: PeeredNode;
  let us: PeeredNode;
  let sg: PeeredNode;
  let stop: () => Promise<void>;
  let cnLead: string;
  let usPoc: string;
  let sgPoc: string;
  let cnPoc: string;
  beforeAll(async () => {
    const started = await startPeeredNodes([
      { id: 'cn-demo', store: 'postgres' },
      { id: 'us-demo', store: 'embedded' },
      { id: 'sg-demo', store: 'embedded' },
    ]);
    [cn, us, sg] = started.nodes as [PeeredNode, PeeredNode, PeeredNode];
    stop = started.stop;
    // The first point of contact of a node leads the cases it receives.
    usPoc = await us.userWith(['point_of_contact']);
    sgPoc = await sg.userWith(['point_of_contact']);
    cnPoc = await cn.userWith(['point_of_contact']);
    cnLead = await cn.userWith(['investigator']);
  }, 120_000);
  afterAll(async () => {
    await stop?.();
  });

  async function openCase(
    title: string,
    tlp = 'AMBER',
    observables: object[] = [],
  ): Promise<{ id: string; reference: string }> {
    const created = await cn.api(cnLead, 'POST', '/api/cases', {
      title: { en: title, zh: '跨境诈骗案' },
      crimeCategories: ['online_fraud'],
      tlp,
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    if (observables.length)
      expect((await cn.api(cnLead, 'POST', `/api/cases/${created.json.id}/observables`, { observables })).status).toBe(
        201,
      );
    return created.json;
  }
  const observablesOf = async (node: PeeredNode, token: string, caseId: string) =>
    (await node.api(token, 'GET', `/api/cases/${caseId}/observables`)).json.items as any[];

  it('shares a whole case: AMBER observables with provenance, evidence with the same SHA-256 and a chain that verifies on the receiver', async () => {
    const kase = await openCase('Investment fraud ring', 'AMBER', [
      { type: 'domain', value: 'lucky-invest88.example', tlp: 'AMBER' },
      { type: 'email', value: 'lucky.invest88@example.com', tlp: 'AMBER' },
    ]);
    const bytes = Buffer.from('chat export 2026-03-01 … victim transfers to wallet\n'.repeat(50));
    const ev = await upload(cn, cnLead, kase.id, 'chat-export.txt', bytes);
    const shared = await cn.api(cnLead, 'POST', `/api/cases/${kase.id}/share`, {
      recipients: ['us-demo'],
      granularity: 'whole_case',
      note: 'For your open investigation',
    });
    expect(shared.status, JSON.stringify(shared.json)).toBe(202);
    expect(shared.json.recipients[0]).toMatchObject({ party: 'us-demo', evidenceIds: [ev.id] });

    const copy = await eventually(async () => {
      const c = await copyOf(us, usPoc, kase.id);
      return c && (await us.api(usPoc, 'GET', `/api/cases/${c.id}/evidence`)).json.items.length === 1 && c;
    }, 'the shared case and its evidence on the US node');
    expect(copy).toMatchObject({
      reference: kase.reference,
      originParty: 'cn-demo',
      tlp: 'AMBER',
      myRole: 'lead',
      sharedFrom: { party: 'cn-demo', caseId: kase.id },
    });
    expect(copy.participatingParties).toEqual(expect.arrayContaining(['cn-demo', 'us-demo']));
    const obs = await observablesOf(us, usPoc, copy.id);
    expect(obs.map((o) => [o.type, o.value, o.tlp]).sort()).toEqual([
      ['domain', 'lucky-invest88.example', 'AMBER'],
      ['email', 'lucky.invest88@example.com', 'AMBER'],
    ]);
    expect(obs.every((o) => o.sources.every((s: any) => s.party === 'cn-demo' && s.tlp === 'AMBER'))).toBe(true);

    const [item] = (await us.api(usPoc, 'GET', `/api/cases/${copy.id}/evidence`)).json.items;
    expect(item).toMatchObject({
      id: ev.id,
      sha256: ev.sha256,
      size: bytes.length,
      originParty: 'cn-demo',
      filename: 'chat-export.txt',
    });
    const custody = (await us.api(usPoc, 'GET', `/api/cases/${copy.id}/evidence/${ev.id}/custody`)).json;
    expect(custody.verification.ok).toBe(true);
    expect(custody.events.map((e: any) => `${e.kind}@${e.party}`)).toEqual([
      'collected@cn-demo',
      'transferred@cn-demo',
      'received@us-demo',
    ]);
    expect(custody.events[1].note).toContain('us-demo');
    const content = await download(us, usPoc, copy.id, ev.id);
    expect(sha(content)).toBe(ev.sha256);
    // Stored under the receiver's own master key, not the sender's.
    const stored = await findEvidence(us.node.ctx.db, ev.id);
    expect(stored!.record.encryption.masterKeyId).toBe(us.node.ctx.secrets.masterKeyId);

    const senderCustody = (await cn.api(cnLead, 'GET', `/api/cases/${kase.id}/evidence/${ev.id}/custody`)).json;
    expect(senderCustody.verification.ok).toBe(true);
    expect(senderCustody.events.map((e: any) => e.kind)).toEqual(['collected', 'transferred']);
    const timeline = (await cn.api(cnLead, 'GET', `/api/cases/${kase.id}/timeline`)).json.items;
    expect(timeline.some((t: any) => t.kind === 'case.shared' && t.summary.en.includes('us-demo'))).toBe(true);
    const notices = (await us.api(usPoc, 'GET', '/api/notifications')).json.items;
    expect(notices.some((n: any) => n.kind === 'case.shared' && n.subjectId === copy.id)).toBe(true);

    // A later share updates the copy: new content replaces the old, nothing is duplicated.
    expect(
      (await cn.api(cnLead, 'PATCH', `/api/cases/${kase.id}`, { title: { en: 'Investment fraud ring (expanded)' } }))
        .status,
    ).toBe(200);
    expect(
      (
        await cn.api(cnLead, 'POST', `/api/cases/${kase.id}/observables`, {
          observables: [{ type: 'ip', value: '203.0.113.7', tlp: 'AMBER' }],
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await cn.api(cnLead, 'POST', `/api/cases/${kase.id}/share`, {
          recipients: ['us-demo'],
          granularity: 'whole_case',
        })
      ).status,
    ).toBe(202);
    const updated = await eventually(async () => {
      const c = await copyOf(us, usPoc, kase.id);
      return c?.title.en === 'Investment fraud ring (expanded)' && c;
    }, 'the update on the US node');
    expect(updated.id).toBe(copy.id);
    expect((await observablesOf(us, usPoc, copy.id)).length).toBe(3);
    await eventually(
      async () =>
        (await us.api(usPoc, 'GET', `/api/cases/${copy.id}/timeline`)).json.items.filter(
          (t: any) => t.kind === 'case.share_received',
        ).length === 2,
      'the second share recorded',
    );
    expect((await us.api(usPoc, 'GET', `/api/cases/${copy.id}/evidence`)).json.items).toHaveLength(1);
  });

  it('sends each peer only what was chosen for it (B never receives what was shared only with C)', async () => {
    const kase = await openCase('Ransomware affiliate', 'AMBER', [
      { type: 'domain', value: 'only-for-us.example' },
      { type: 'ip', value: '198.51.100.23' },
    ]);
    const [forUs, forSg] = (await observablesOf(cn, cnLead, kase.id)).sort((a, b) => (a.type < b.type ? -1 : 1));
    const evUs = await upload(cn, cnLead, kase.id, 'for-us.txt', Buffer.from('ledger for the US side'));
    const evSg = await upload(cn, cnLead, kase.id, 'for-sg.txt', Buffer.from('ledger for the SG side'));
    expect(
      (
        await cn.api(cnLead, 'POST', `/api/cases/${kase.id}/share`, {
          recipients: ['us-demo'],
          granularity: 'selected',
          observableIds: [forUs.id],
          evidenceIds: [evUs.id],
        })
      ).status,
    ).toBe(202);
    expect(
      (
        await cn.api(cnLead, 'POST', `/api/cases/${kase.id}/share`, {
          recipients: ['sg-demo'],
          granularity: 'selected',
          observableIds: [forSg.id],
          evidenceIds: [evSg.id],
        })
      ).status,
    ).toBe(202);

    const usCopy = await eventually(async () => {
      const c = await copyOf(us, usPoc, kase.id);
      return c && (await us.api(usPoc, 'GET', `/api/cases/${c.id}/evidence`)).json.items.length === 1 && c;
    }, 'the US copy');
    const sgCopy = await eventually(async () => {
      const c = await copyOf(sg, sgPoc, kase.id);
      return c && (await sg.api(sgPoc, 'GET', `/api/cases/${c.id}/evidence`)).json.items.length === 1 && c;
    }, 'the SG copy');
    expect((await observablesOf(us, usPoc, usCopy.id)).map((o) => o.value)).toEqual(['only-for-us.example']);
    expect((await observablesOf(sg, sgPoc, sgCopy.id)).map((o) => o.value)).toEqual(['198.51.100.23']);
    expect((await us.api(usPoc, 'GET', `/api/cases/${usCopy.id}/evidence`)).json.items.map((e: any) => e.id)).toEqual([
      evUs.id,
    ]);
    expect((await sg.api(sgPoc, 'GET', `/api/cases/${sgCopy.id}/evidence`)).json.items.map((e: any) => e.id)).toEqual([
      evSg.id,
    ]);
    expect(await findEvidence(us.node.ctx.db, evSg.id)).toBeNull();
    expect(usCopy.participatingParties).not.toContain('sg-demo');
    expect(sgCopy.participatingParties).not.toContain('us-demo');
    const usCustody = (await us.api(usPoc, 'GET', `/api/cases/${usCopy.id}/evidence/${evUs.id}/custody`)).json;
    expect(JSON.stringify(usCustody.events)).not.toContain('sg-demo');
    // The sender's case now counts both peers among its parties.
    expect((await findCase(cn.node.ctx.db, kase.id))!.participatingParties).toEqual(
      expect.arrayContaining(['us-demo', 'sg-demo']),
    );
  });

  it('refuses on send what TLP forbids (a TLP:RED observable not named for the recipient) and sends nothing', async () => {
    const kase = await openCase('Sextortion network', 'GREEN', [
      { type: 'email', value: 'red-source@example.com', tlp: 'RED' },
      { type: 'domain', value: 'green-indicator.example', tlp: 'GREEN' },
    ]);
    expect(
      (
        await cn.api(cnLead, 'POST', `/api/cases/${kase.id}/share`, {
          recipients: ['us-demo'],
          granularity: 'whole_case',
        })
      ).status,
    ).toBe(202);
    const usCopy = await eventually(async () => {
      const c = await copyOf(us, usPoc, kase.id);
      return c && (await observablesOf(us, usPoc, c.id)).length === 2 && c;
    }, 'the US copy with the RED observable named for the US');
    const obs = await observablesOf(us, usPoc, usCopy.id);
    const red = obs.find((o) => o.tlp === 'RED')!;
    const green = obs.find((o) => o.tlp === 'GREEN')!;
    expect(red.sources[0]).toMatchObject({ party: 'cn-demo', namedRecipients: ['us-demo'] });

    // The US may not pass the CN's RED observable to Singapore: the whole share is refused, listed item by item.
    const refused = await us.api(usPoc, 'POST', `/api/cases/${usCopy.id}/share`, {
      recipients: ['sg-demo'],
      granularity: 'selected',
      observableIds: [red.id, green.id],
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('CASE_SHARE_TLP_REFUSED');
    expect(refused.json.error.message.zh).toMatch(/未共享/);
    expect(refused.json.error.details.refused).toEqual([
      expect.objectContaining({ party: 'sg-demo', kind: 'observable', id: red.id }),
    ]);
    expect(refused.json.error.issues[0].message.en).toMatch(/TLP:RED/);

    // GREEN may travel on; its provenance (the CN's contribution) travels with it.
    expect(
      (
        await us.api(usPoc, 'POST', `/api/cases/${usCopy.id}/share`, {
          recipients: ['sg-demo'],
          granularity: 'selected',
          observableIds: [green.id],
        })
      ).status,
    ).toBe(202);
    const sgCopy = await eventually(async () => copyOf(sg, sgPoc, usCopy.id), 'the forwarded GREEN indicator on SG');
    const sgObs = await observablesOf(sg, sgPoc, sgCopy.id);
    expect(sgObs.map((o) => [o.value, o.tlp, o.sources[0].party])).toEqual([
      ['green-indicator.example', 'GREEN', 'cn-demo'],
    ]);
    expect(sgCopy.originParty).toBe('us-demo');
  });

  it('information shared back returns to the originating case instead of making a copy of a copy', async () => {
    const kase = await openCase('Money mule network', 'AMBER', [{ type: 'domain', value: 'mule-recruiter.example' }]);
    const ev = await upload(cn, cnLead, kase.id, 'statement.txt', Buffer.from('bank statement'));
    expect(
      (
        await cn.api(cnLead, 'POST', `/api/cases/${kase.id}/share`, {
          recipients: ['us-demo'],
          granularity: 'whole_case',
        })
      ).status,
    ).toBe(202);
    const copy = await eventually(async () => {
      const c = await copyOf(us, usPoc, kase.id);
      return c && (await us.api(usPoc, 'GET', `/api/cases/${c.id}/evidence`)).json.items.length === 1 && c;
    }, 'the US copy');
    expect(
      (
        await us.api(usPoc, 'POST', `/api/cases/${copy.id}/observables`, {
          observables: [{ type: 'ip', value: '192.0.2.44' }],
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await us.api(usPoc, 'POST', `/api/cases/${copy.id}/share`, {
          recipients: ['cn-demo'],
          granularity: 'whole_case',
        })
      ).status,
    ).toBe(202);
    const back = await eventually(async () => {
      const o = await observablesOf(cn, cnLead, kase.id);
      return o.length === 2 && o;
    }, 'the US contribution in the CN case');
    expect(back.find((o) => o.value === '192.0.2.44').sources[0]).toMatchObject({ party: 'us-demo', tlp: 'AMBER' });
    expect(await copyOf(cn, cnPoc, copy.id)).toBeUndefined();
    expect((await cn.api(cnLead, 'GET', `/api/cases/${kase.id}/evidence`)).json.items.map((e: any) => e.id)).toEqual([
      ev.id,
    ]);
  });

  it('rejects an evidence transfer whose chain of custody was tampered with, storing nothing', async () => {
    const kase = await openCase('Account takeover');
    const ev = await upload(cn, cnLead, kase.id, 'logs.txt', Buffer.from('server logs'));
    // The case copy exists on the US node first, so only the chain can be the reason for refusing.
    const second = await upload(cn, cnLead, kase.id, 'more-logs.txt', Buffer.from('more server logs'));
    expect(
      (
        await cn.api(cnLead, 'POST', `/api/cases/${kase.id}/share`, {
          recipients: ['us-demo'],
          granularity: 'selected',
          evidenceIds: [second.id],
        })
      ).status,
    ).toBe(202);
    const copy = await eventually(async () => {
      const c = await copyOf(us, usPoc, kase.id);
      return c && (await us.api(usPoc, 'GET', `/api/cases/${c.id}/evidence`)).json.items.length === 1 && c;
    }, 'the US copy');

    // Built with the real sender code, then one custody event is altered before it is enqueued.
    const ctx = cn.node.ctx;
    const { mid } = await ctx.db.transaction(async (tx) => {
      const body = await transferEvidence(ctx, tx, {
        actor: { kind: 'system', partyId: 'cn-demo' },
        kase: (await findCase(tx, kase.id))!,
        evidenceId: ev.id,
        recipient: 'us-demo',
        context: { kind: 'case', caseId: kase.id, origin: null },
        purpose: 'test',
        now: ctx.clock(),
      });
      body.custody[0] = { ...body.custody[0]!, actorLabel: 'Someone else' };
      return enqueueMessage(tx, ctx, {
        to: 'us-demo',
        channel: CASES_CHANNEL,
        type: EVIDENCE_TRANSFERRED,
        schema: 1,
        body,
      });
    });
    const auditor = await us.userWith(['auditor']);
    const entry = await eventually(async () => {
      const r = await us.api(auditor, 'GET', `/api/audit?action=federation.rejected&subjectId=${mid}`);
      return r.json.items?.[0];
    }, 'the refusal on the US node');
    expect(entry.data.code).toBe('EVIDENCE_TRANSFER_CUSTODY_INVALID');
    expect(await findEvidence(us.node.ctx.db, ev.id)).toBeNull();
    expect((await us.api(usPoc, 'GET', `/api/cases/${copy.id}/evidence`)).json.items.map((e: any) => e.id)).toEqual([
      second.id,
    ]);
  });

  it('carries the evidence of a request fulfilment ahead of the step: fulfilled on the requesting node, same hash, chain continued', async () => {
    const usOfficer = usPoc;
    const draft = await cn.api(cnLead, 'POST', '/api/requests', preservationDraft({ caseRef: 'CN-REF-EVIDENCE-1' }));
    expect(draft.status).toBe(201);
    const requestId = draft.json.id as string;
    expect((await cn.api(cnLead, 'POST', `/api/requests/${requestId}/actions`, { action: 'submit' })).status).toBe(200);
    await eventually(
      async () => (await us.api(usOfficer, 'GET', `/api/requests/${requestId}`)).status === 200,
      'the request on the US node',
    );
    for (const action of ['acknowledge', 'accept', 'start_work']) {
      expect((await us.api(usOfficer, 'POST', `/api/requests/${requestId}/actions`, { action })).status).toBe(200);
    }
    const usCase = await us.api(usOfficer, 'POST', '/api/cases', {
      title: { en: 'Answer to CN preservation request' },
      crimeCategories: ['online_fraud'],
      linkedRequestIds: [requestId],
    });
    expect(usCase.status, JSON.stringify(usCase.json)).toBe(201);
    const bytes = Buffer.from('subscriber record: lucky.invest88@example.com, created 2025-11-02 from 203.0.113.9');
    const ev = await upload(us, usOfficer, usCase.json.id, 'subscriber-record.txt', bytes, { requestId });
    const fulfilled = await us.api(usOfficer, 'POST', `/api/requests/${requestId}/actions`, {
      action: 'fulfil',
      evidenceIds: [ev.id],
    });
    expect(fulfilled.status, JSON.stringify(fulfilled.json)).toBe(200);

    const onCn = await eventually(async () => {
      const r = (await cn.api(cnLead, 'GET', `/api/requests/${requestId}`)).json;
      return r.status === 'fulfilled' && r;
    }, 'the fulfilment on the CN node');
    expect(onCn.status).toBe('fulfilled');
    // No case was linked to the request here: one was opened for it, led by the point of contact.
    const list = (await cn.api(cnPoc, 'GET', '/api/cases?limit=500')).json.items;
    const found = list.find((c: any) => c.reference === 'CN-REF-EVIDENCE-1');
    expect(found).toBeDefined();
    const detail = (await cn.api(cnPoc, 'GET', `/api/cases/${found.id}`)).json;
    expect(detail.linkedRequestIds).toEqual([requestId]);
    expect(detail.evidence).toEqual([
      expect.objectContaining({ id: ev.id, sha256: ev.sha256, requestId, originParty: 'us-demo' }),
    ]);
    const custody = (await cn.api(cnPoc, 'GET', `/api/cases/${found.id}/evidence/${ev.id}/custody`)).json;
    expect(custody.verification.ok).toBe(true);
    expect(custody.events.map((e: any) => `${e.kind}@${e.party}`)).toEqual([
      'collected@us-demo',
      'transferred@us-demo',
      'received@cn-demo',
    ]);
    expect(sha(await download(cn, cnPoc, found.id, ev.id))).toBe(sha(bytes));
  });
});
