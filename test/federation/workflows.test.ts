// Workflows over the wire between two real nodes (one on the system PostgreSQL, one on the embedded server): a request for
// assistance and every step of it, and a hotline call acknowledged on the other side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preservationDraft } from '../factories.js';
import { eventually, startPeeredNodes, type PeeredNode } from '../support/peered-nodes.js';

describe('workflows across the federation', () => {
  let cn: PeeredNode;
  let us: PeeredNode;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const started = await startPeeredNodes([
      { id: 'cn-demo', store: 'postgres' },
      { id: 'us-demo', store: 'embedded' },
    ]);
    [cn, us] = started.nodes as [PeeredNode, PeeredNode];
    stop = started.stop;
  });
  afterAll(async () => {
    await stop?.();
  });

  it('carries a request and each of its steps to the other node, in order, with who and when', async () => {
    const cnInvestigator = await cn.userWith(['investigator']);
    const usDuty = await us.userWith(['point_of_contact']);
    const draft = await cn.api(cnInvestigator, 'POST', '/api/requests', preservationDraft());
    expect(draft.status).toBe(201);
    const id = draft.json.id as string;
    expect((await cn.api(cnInvestigator, 'POST', `/api/requests/${id}/actions`, { action: 'submit' })).status).toBe(
      200,
    );

    const received = await eventually(async () => {
      const r = await us.api(usDuty, 'GET', `/api/requests/${id}`);
      return r.status === 200 && r.json;
    }, 'the request on the US node');
    expect(received).toMatchObject({ status: 'submitted', direction: 'incoming', reference: draft.json.reference });
    expect(received.clocks.ackDueAt).toBe(
      (await cn.api(cnInvestigator, 'GET', `/api/requests/${id}`)).json.clocks.ackDueAt,
    );

    // Recording the counterpart's steps by hand is refused once the counterpart is on the federation.
    const proxy = await cn.api(await cn.userWith(['point_of_contact']), 'POST', `/api/requests/${id}/actions`, {
      action: 'acknowledge',
      onBehalfOfCounterpart: true,
    });
    expect(proxy.json.error.code).toBe('REQUEST_COUNTERPART_ON_FEDERATION');

    for (const action of ['acknowledge', 'accept', 'start_work', 'fulfil']) {
      const res = await us.api(usDuty, 'POST', `/api/requests/${id}/actions`, { action });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
    }
    const fulfilled = await eventually(async () => {
      const r = (await cn.api(cnInvestigator, 'GET', `/api/requests/${id}`)).json;
      return r.status === 'fulfilled' && r;
    }, 'the fulfilment on the CN node');
    const steps = fulfilled.history.map(
      (h: { type: string; actorLabel: string }) => `${h.type}:${h.actorLabel.includes('(us-demo)') ? 'us' : 'cn'}`,
    );
    expect(steps).toEqual([
      'draft_created:cn',
      'submitted:cn',
      'acknowledged:us',
      'accepted:us',
      'work_started:us',
      'fulfilled:us',
    ]);
    expect(fulfilled.acknowledgedAt).toBe((await us.api(usDuty, 'GET', `/api/requests/${id}`)).json.acknowledgedAt);

    // The requester's submission ended in a signed receipt from the requested node; so did each US step.
    const sentByCn = (await cn.api(cnInvestigator, 'GET', `/api/requests/${id}/deliveries`)).json.items;
    expect(sentByCn).toEqual([
      expect.objectContaining({ type: 'request.submitted', peer: 'us-demo', state: 'sent', result: 'accepted' }),
    ]);
    expect(sentByCn[0].receipt.jws.split('.')).toHaveLength(3);
    const sentByUs = await eventually(async () => {
      const items = (await us.api(usDuty, 'GET', `/api/requests/${id}/deliveries`)).json.items as {
        type: string;
        result: string | null;
      }[];
      return items.length === 4 && items.every((d) => d.result === 'accepted') && items;
    }, 'receipts for the US steps');
    expect(sentByUs.map((d) => d.type)).toEqual(['request.step', 'request.step', 'request.step', 'request.step']);
  });

  it("delivers a hotline call; the acknowledgement on the called node stops the clock on the caller's node", async () => {
    const usDuty = await us.userWith(['point_of_contact']);
    const cnDuty = await cn.userWith(['point_of_contact']);
    const placed = await us.api(usDuty, 'POST', '/api/calls', {
      toParty: 'cn-demo',
      topic: 'emergency_threat_to_life',
      urgency: 'emergency',
      language: 'en',
      message: 'Threat to life posted online; need subscriber details.',
      callback: { name: 'SA Miles', phone: '+1 202 555 0100', timeZone: 'America/New_York' },
    });
    expect(placed.status, JSON.stringify(placed.json)).toBe(201);
    const id = placed.json.id as string;
    const incoming = await eventually(async () => {
      const r = await cn.api(cnDuty, 'GET', `/api/calls/${id}`);
      return r.status === 200 && r.json;
    }, 'the call on the CN node');
    expect(incoming.direction).toBe('incoming');
    expect(incoming.allowedActions).toContain('acknowledge');
    expect((await cn.api(cnDuty, 'POST', `/api/calls/${id}/actions`, { action: 'acknowledge' })).status).toBe(200);
    const onCaller = await eventually(async () => {
      const r = (await us.api(usDuty, 'GET', `/api/calls/${id}`)).json;
      return r.status === 'acknowledged' && r;
    }, 'the acknowledgement on the US node');
    expect(onCaller.acknowledgedBy).toMatch(/Officer \d+ of cn-demo/);
    expect(onCaller.clock).toMatchObject({ isAwaitingAck: false, isOverdue: false, timeLeftMs: null });
    expect(onCaller.contactLog.map((e: { kind: string; direction: string }) => `${e.kind}:${e.direction}`)).toEqual([
      'placed:out',
      'acknowledged:in',
    ]);
  });
});
