// A scripted tabletop exercise between two real nodes (docs/spec.md §7.2): the director's node (cn-demo)
// fires timed injects at a 120× time scale; the participant (us-demo) answers with the normal call
// and request tools; the director's score matches the measured times; exercise data stays out of
// every real list on both nodes; and a director restarted mid-exercise neither loses nor repeats
// an inject.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode, type RunningNode } from '../../src/node.js';
import { preservationDraft } from '../factories.js';
import { eventually, startPeeredNodes, type PeeredNode } from '../support/peered-nodes.js';

const SCALE = 120; // one exercise minute is half a real second
const { requestedParty: _party, ...preservation } = preservationDraft();

function scenario() {
  return {
    title: { en: 'Ransomware on a hospital', zh: '医院遭勒索软件攻击' },
    briefing: { en: 'A hospital is encrypted; the gang sits abroad.', zh: '一家医院被加密，犯罪团伙在境外。' },
    participants: ['us-demo'],
    injects: [
      {
        kind: 'call',
        offsetMinutes: 0,
        party: 'us-demo',
        urgency: 'emergency',
        topic: 'ransomware_incident',
        title: { en: 'Emergency call: ransomware on a hospital', zh: '紧急呼叫：医院遭勒索软件攻击' },
        text: {
          en: 'Hospital systems encrypted, ransom note names a server in your country.',
          zh: '医院系统被加密，勒索信指向贵国境内的服务器。',
        },
        callback: { name: 'Duty desk', phone: '+86 10 5555 0101', email: null, timeZone: 'Asia/Shanghai' },
      },
      {
        kind: 'info',
        offsetMinutes: 5,
        party: 'us-demo',
        title: { en: 'Press interest', zh: '媒体关注' },
        text: { en: 'Local press asks about the outage.', zh: '当地媒体询问停机情况。' },
      },
      {
        kind: 'request',
        offsetMinutes: 20,
        party: 'us-demo',
        title: { en: 'Preservation request', zh: '保全请求' },
        request: preservation,
      },
    ],
  };
}

type Api = (
  token: string,
  method: 'GET' | 'POST',
  url: string,
  body?: object,
) => Promise<{ status: number; json: any }>;
const apiAt =
  (node: RunningNode): Api =>
  async (token, method, url, body) => {
    const res = await fetch(`${node.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: await res.json() };
  };

describe('a tabletop exercise across two nodes', () => {
  let cn: PeeredNode;
  let us: PeeredNode;
  let director: RunningNode;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const started = await startPeeredNodes([
      { id: 'cn-demo', store: 'postgres' },
      { id: 'us-demo', store: 'embedded' },
    ]);
    [cn, us] = started.nodes as [PeeredNode, PeeredNode];
    director = cn.node;
    stop = async () => {
      // The restarted director is not the one startPeeredNodes knows: stop it ourselves.
      if (director !== cn.node) {
        await director.stop();
        cn.node.stop = async () => {};
      }
      await started.stop();
    };
  });
  afterAll(async () => {
    await stop?.();
  });

  it('fires the injects in order, scores the measured times and keeps exercise data apart', async () => {
    const supervisor = await cn.userWith(['supervisor']);
    const cnDuty = await cn.userWith(['point_of_contact']);
    const usDuty = await us.userWith(['point_of_contact']);
    let cnApi = apiAt(director);
    const usApi = apiAt(us.node);

    const created = await cnApi(supervisor, 'POST', '/api/exercises/scenarios', scenario());
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const run = await cnApi(supervisor, 'POST', '/api/exercises', { scenarioId: created.json.id, timeScale: SCALE });
    expect(run.status).toBe(201);
    const id = run.json.id as string;
    const started = await cnApi(supervisor, 'POST', `/api/exercises/${id}/start`);
    expect(started.json).toMatchObject({ state: 'running', timeScale: SCALE });
    const startedAt = Date.parse(started.json.startedAt);

    // T+0: the emergency call reaches the participant as an exercise call; the duty officer acknowledges it.
    const call = await eventually(
      async () => (await usApi(usDuty, 'GET', `/api/calls?exercise=${id}`)).json.items[0],
      'the injected call',
    );
    expect(call).toMatchObject({ urgency: 'emergency', exerciseId: id, direction: 'incoming' });
    // The call's clock runs at the exercise's pace on the participant too: 15 minutes at 120× is 7.5 s.
    expect(call.ackPeriodMs).toBe((15 * 60_000) / SCALE);
    expect(call.message).toMatch(/^\[EXERCISE \/ 演练\]/);
    expect((await usApi(usDuty, 'POST', `/api/calls/${call.id}/actions`, { action: 'acknowledge' })).status).toBe(200);

    // The participant's node knows the exercise: briefing, its announced injects, and the T+5 information inject.
    const participation = await eventually(async () => {
      const p = await usApi(usDuty, 'GET', `/api/exercises/participations/${id}`);
      return p.status === 200 && p.json.received.length === 1 && p.json;
    }, 'the information inject');
    expect(participation).toMatchObject({
      directorParty: 'cn-demo',
      state: 'running',
      briefing: { zh: '一家医院被加密，犯罪团伙在境外。' },
    });
    expect(participation.injects.map((i: { offsetMinutes: number }) => i.offsetMinutes)).toEqual([0, 5, 20]);
    expect(Date.parse(participation.received[0].at) - startedAt).toBeGreaterThanOrEqual((5 * 60_000) / SCALE);

    // Restart the director before T+20 and keep it down past it: the request must fire once, after the restart.
    await eventually(
      async () => (await cnApi(supervisor, 'GET', `/api/calls/${call.id}`)).json.status === 'acknowledged',
      'the acknowledgement on the director',
    );
    const config = director.ctx.config;
    const port = Number(new URL(director.url).port);
    await director.stop();
    const downUntil = startedAt + (20 * 60_000) / SCALE + 500;
    await new Promise((r) => setTimeout(r, Math.max(0, downUntil - Date.now())));
    director = await startNode({ ...config, port });
    cnApi = apiAt(director);

    const request = await eventually(
      async () => (await usApi(usDuty, 'GET', `/api/requests?exercise=${id}`)).json.items[0],
      'the injected request',
    );
    expect(request).toMatchObject({ type: 'preservation', status: 'submitted', exerciseId: id });
    expect(request.subject.en).toMatch(/^\[EXERCISE\]/);
    expect(Date.parse(request.submittedAt) - startedAt).toBeGreaterThanOrEqual((20 * 60_000) / SCALE);
    // So does the request's: an urgent preservation request is acknowledged within 24 h, here 12 real minutes.
    expect(Date.parse(request.clocks.ackDueAt) - Date.parse(request.submittedAt)).toBe((24 * 3_600_000) / SCALE);
    for (const action of ['acknowledge', 'accept', 'start_work', 'fulfil']) {
      expect((await usApi(usDuty, 'POST', `/api/requests/${request.id}/actions`, { action })).status).toBe(200);
    }
    const mine = await eventually(async () => {
      const r = (await cnApi(supervisor, 'GET', `/api/requests/${request.id}`)).json;
      return r.status === 'fulfilled' && r;
    }, 'the fulfilment on the director');

    // Nothing fired twice: one delivery per inject, one call and one request.
    await director.workers.exercises.sweepNow();
    expect((await cnApi(cnDuty, 'GET', `/api/calls?exercise=${id}`)).json.items).toHaveLength(1);
    expect((await cnApi(cnDuty, 'GET', `/api/requests?exercise=${id}`)).json.items).toHaveLength(1);

    const ended = await cnApi(supervisor, 'POST', `/api/exercises/${id}/end`);
    expect(ended.json.state).toBe('ended');
    const board = (await cnApi(supervisor, 'GET', `/api/exercises/${id}/board`)).json;
    expect(board.rows.map((r: { kind: string; firedAt: string | null }) => [r.kind, r.firedAt != null])).toEqual([
      ['call', true],
      ['info', true],
      ['request', true],
    ]);

    // The score equals the times measured on the director's own copies, in exercise minutes.
    const myCall = (await cnApi(supervisor, 'GET', `/api/calls/${call.id}`)).json;
    const minutes = (from: string, to: string) =>
      Math.round((((Date.parse(to) - Date.parse(from)) * SCALE) / 60_000) * 10) / 10;
    const callSteps = board.rows[0].steps;
    expect(callSteps[0]).toMatchObject({
      step: 'acknowledge',
      deadlineMinutes: 15,
      measuredMinutes: minutes(board.rows[0].firedAt, myCall.acknowledgedAt),
    });
    const reqSteps = Object.fromEntries(board.rows[2].steps.map((s: { step: string }) => [s.step, s]));
    expect(reqSteps.acknowledge.measuredMinutes).toBe(minutes(board.rows[2].firedAt, mine.acknowledgedAt));
    expect(reqSteps.fulfil.measuredMinutes).toBe(minutes(board.rows[2].firedAt, mine.fulfilledAt));
    // Deadlines in exercise minutes are the workflow's own periods (the records ran them at 120×).
    expect(reqSteps.acknowledge.deadlineMinutes).toBe(minutes(mine.submittedAt, mine.clocks.ackDueAt));
    expect(reqSteps.acknowledge.deadlineMinutes).toBe(24 * 60);
    const points = [callSteps[0], reqSteps.acknowledge, reqSteps.fulfil].map((s) =>
      s.measuredMinutes <= s.deadlineMinutes
        ? 100
        : Math.max(0, Math.round(100 * (2 - s.measuredMinutes / s.deadlineMinutes) * 10) / 10),
    );
    expect(board.parties).toEqual([
      expect.objectContaining({ party: 'us-demo', score: Math.round(points.reduce((a, b) => a + b) / 3) }),
    ]);
    expect(board.timeline.map((e: { event: string }) => e.event)).toEqual([
      'sent',
      'acknowledge',
      'sent',
      'sent',
      'acknowledge',
      'accept',
      'fulfil',
    ]);

    // The participant learns the end.
    await eventually(
      async () => (await usApi(usDuty, 'GET', `/api/exercises/participations/${id}`)).json.state === 'ended',
      'the end on the participant',
    );

    // No exercise record in any real list, inbox or search on either node.
    for (const [api, token] of [
      [cnApi, cnDuty],
      [usApi, usDuty],
    ] as const) {
      const calls = (await api(token, 'GET', '/api/calls?limit=500')).json.items as { id: string }[];
      expect(calls.map((c) => c.id)).not.toContain(call.id);
      const inbox = (await api(token, 'GET', '/api/calls?direction=incoming&status=placed,delivered,acknowledged')).json
        .items as { id: string }[];
      expect(inbox.map((c) => c.id)).not.toContain(call.id);
      for (const query of ['', '?direction=incoming', '?q=EXERCISE', '?q=Preserve', '?status=fulfilled']) {
        const items = (await api(token, 'GET', `/api/requests${query}`)).json.items as { id: string }[];
        expect(items.map((r) => r.id)).not.toContain(request.id);
      }
    }
  }, 90_000);
});
