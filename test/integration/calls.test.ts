// The 24/7 hotline through the HTTP API on both stores: outgoing and incoming calls, human
// acknowledgement, the escalation ladder (once per rung, also after a restart) and the roster.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlines } from '../../src/workers/deadline-worker.js';
import { CLOCK_SOURCES } from '../../src/workers/clock-sources.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

const outgoing = (over: object = {}) => ({
  toParty: 'us-fbi',
  topic: 'ransomware_incident',
  urgency: 'urgent',
  language: 'en',
  message: 'Hospital network encrypted; ransom note points to a server in your jurisdiction.',
  callback: { name: '王警官', phone: '+86 10 6620 0000', timeZone: 'Asia/Shanghai' },
  ...over,
});
const incoming = (over: object = {}) => ({
  fromParty: 'us-fbi',
  topic: 'emergency_threat_to_life',
  urgency: 'emergency',
  language: 'en',
  message: 'Suicide threat posted on a Weibo account; we need subscriber details now.',
  callback: { name: 'Agent Smith', phone: '+1 202 555 0100', email: 'smith@example.gov', timeZone: 'America/New_York' },
  ...over,
});

describe.each(STORES)('hotline calls (%s)', (store) => {
  let t: TestApp;
  let poc: string;
  let supervisor: string;
  let investigator: string;
  let analyst: string;
  let readOnly: string;
  beforeAll(async () => {
    t = await createTestApp(store);
    poc = (await t.userWith(['point_of_contact'])).token;
    supervisor = (await t.userWith(['supervisor'])).token;
    investigator = (await t.userWith(['investigator'])).token;
    analyst = (await t.userWith(['analyst'])).token;
    readOnly = (await t.userWith(['read_only'])).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (token: string, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: bearer(token), payload });
  const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
  const act = (token: string, id: string, payload: object) => post(token, `/api/calls/${id}/actions`, payload);
  const sweep = async (id: string) =>
    (await sweepDeadlines(t.ctx, CLOCK_SOURCES)).fired.filter((f) => f.id === id).map((f) => f.event);
  const notices = async (token: string, id: string) =>
    (
      (await get(token, '/api/notifications')).json().items as {
        subjectId: string;
        kind: string;
        title: { en: string; zh: string };
        body: { en: string; zh: string };
      }[]
    ).filter((n) => n.subjectId === id);

  it('places an outgoing call with a reference and a running clock; only the caller may cancel it', async () => {
    const res = await post(investigator, '/api/calls', outgoing());
    expect(res.statusCode).toBe(201);
    const call = res.json();
    expect(call.reference).toMatch(/^CN-TEST-CALL-2026-\d{4}$/);
    expect(call).toMatchObject({ direction: 'outgoing', fromParty: 'cn-test', toParty: 'us-fbi', status: 'placed' });
    expect(Date.parse(call.ackDueAt) - Date.parse(call.placedAt)).toBe(2 * HOUR);
    expect(call.clock.timeLeftMs).toBe(2 * HOUR);
    expect(call.allowedActions).toContain('cancel');
    expect(call.allowedActions).not.toContain('acknowledge');
    // The receiver acknowledges, not the caller.
    expect((await act(poc, call.id, { action: 'acknowledge' })).json().error.code).toBe('CALL_FORBIDDEN');
    const detail = (await get(analyst, `/api/calls/${call.id}`)).json();
    expect(detail.contactLog).toEqual([
      expect.objectContaining({ kind: 'placed', direction: 'out', text: outgoing().message }),
    ]);
    expect((await act(investigator, call.id, { action: 'cancel', reason: 'Resolved by e-mail' })).json().status).toBe(
      'cancelled',
    );
    const again = await act(investigator, call.id, { action: 'cancel' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CALL_INVALID_TRANSITION');
  });

  it('refuses invalid calls with bilingual issues, and unknown calls with 404', async () => {
    const self = await post(
      investigator,
      '/api/calls',
      outgoing({ toParty: 'cn-test', callback: { name: 'x', phone: 'call me', timeZone: 'Mars/Base' } }),
    );
    expect(self.statusCode).toBe(422);
    expect(self.json().error.code).toBe('CALL_VALIDATION_FAILED');
    const paths = self.json().error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['toParty', 'callback.phone', 'callback.timeZone']));
    for (const i of self.json().error.issues) expect(i.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect((await post(investigator, '/api/calls', { ...outgoing(), urgency: 'whenever' })).statusCode).toBe(400);
    expect((await post(readOnly, '/api/calls', outgoing())).statusCode).toBe(403);
    expect((await post(investigator, '/api/calls/incoming', incoming())).statusCode).toBe(403);
    const future = await post(
      poc,
      '/api/calls/incoming',
      incoming({ receivedAt: new Date(t.clock.now().getTime() + HOUR).toISOString() }),
    );
    expect(future.json().error).toMatchObject({
      code: 'CALL_VALIDATION_FAILED',
      issues: [{ path: 'receivedAt', code: 'in_future' }],
    });
    const missing = await get(readOnly, '/api/calls/01900000-0000-7000-8000-000000000000');
    expect(missing.json().error.code).toBe('CALL_NOT_FOUND');
  });

  it('records an incoming emergency call; only a person on the duty desk acknowledges it, which stops the clock', async () => {
    const res = await post(poc, '/api/calls/incoming', incoming());
    expect(res.statusCode).toBe(201);
    const call = res.json();
    expect(call).toMatchObject({
      direction: 'incoming',
      fromParty: 'us-fbi',
      toParty: 'cn-test',
      status: 'placed',
      placedBy: 'Agent Smith',
    });
    expect(call.clock).toMatchObject({ isAwaitingAck: true, isProminent: true, timeLeftMs: 15 * MIN });
    const inbox = (await get(readOnly, '/api/calls?direction=incoming&status=placed,delivered')).json().items;
    expect(inbox[0].id).toBe(call.id);
    for (const token of [readOnly, analyst, investigator]) {
      const refused = await act(token, call.id, { action: 'acknowledge' });
      expect(refused.statusCode).toBe(403);
    }
    t.clock.advance(10 * MIN);
    const acked = await act(poc, call.id, { action: 'acknowledge' });
    expect(acked.statusCode).toBe(200);
    expect(acked.json().status).toBe('acknowledged');
    expect(acked.json().clock).toMatchObject({
      isAwaitingAck: false,
      acknowledgedLate: false,
      timeToAcknowledgeMs: 10 * MIN,
      timeLeftMs: null,
    });
    expect((await act(poc, call.id, { action: 'acknowledge' })).json().error.code).toBe('CALL_INVALID_TRANSITION');
    // The clock has stopped: long after the deadline nothing escalates.
    t.clock.advance(2 * HOUR);
    expect(await sweep(call.id)).toEqual([]);
    expect((await get(poc, `/api/calls?overdue=true`)).json().items.map((c: { id: string }) => c.id)).not.toContain(
      call.id,
    );
    expect(
      (
        await act(investigator, call.id, {
          action: 'answer',
          answer: 'Subscriber identified; local police dispatched.',
        })
      ).json().status,
    ).toBe('answered');
    expect((await act(analyst, call.id, { action: 'note', text: 'Victim safe.' })).statusCode).toBe(200);
    expect((await act(readOnly, call.id, { action: 'note', text: 'x' })).statusCode).toBe(403);
    expect((await act(investigator, call.id, { action: 'close' })).json().status).toBe('closed');
    expect(
      (await act(investigator, call.id, { action: 'link_request', requestId: 'req-1' })).json().linkedRequestId,
    ).toBe('req-1');
    expect((await act(investigator, call.id, { action: 'link_request', requestId: 'req-2' })).json().error.code).toBe(
      'CALL_ALREADY_LINKED',
    );
    const detail = (await get(readOnly, `/api/calls/${call.id}`)).json();
    expect(detail.contactLog.map((e: { kind: string; direction: string }) => `${e.kind}:${e.direction}`)).toEqual([
      'placed:in',
      'acknowledged:out',
      'answered:out',
      'note:out',
      'closed:out',
      'linked:out',
    ]);
    const draft = (await get(readOnly, `/api/calls/${call.id}/request-draft`)).json();
    expect(draft).toMatchObject({
      requestType: 'emergency_disclosure',
      requestingParty: 'us-fbi',
      requestedParty: 'cn-test',
      sourceCallId: call.id,
    });
    expect(draft.facts).toContain('local police dispatched');
    expect((await get(readOnly, `/api/calls/${call.id}/case-draft`)).json()).toMatchObject({
      leadParty: 'cn-test',
      linkedCallIds: [call.id],
    });
  });

  it('escalates an unacknowledged call one rung per missed period, each exactly once, with bilingual notices', async () => {
    const call = (
      await post(poc, '/api/calls/incoming', incoming({ urgency: 'urgent', topic: 'online_fraud_funds_in_transit' }))
    ).json();
    t.clock.advance(2 * HOUR - MIN);
    expect(await sweep(call.id)).toEqual([]);
    t.clock.advance(2 * MIN);
    expect(await sweep(call.id)).toEqual(['escalation:1']);
    expect(await sweep(call.id)).toEqual([]);
    const deputyNotice = (await notices(poc, call.id)).filter((n) => n.kind === 'call.escalated');
    expect(deputyNotice).toHaveLength(1);
    expect(deputyNotice[0]!.title.en).toContain(call.reference);
    expect(deputyNotice[0]!.body.en).toContain('Online fraud');
    expect(await notices(supervisor, call.id)).toEqual([]);
    expect((await get(readOnly, '/api/calls?overdue=true')).json().items.map((c: { id: string }) => c.id)).toContain(
      call.id,
    );
    t.clock.advance(2 * HOUR);
    expect(await sweep(call.id)).toEqual(['escalation:2']);
    expect(await sweep(call.id)).toEqual([]);
    const supNotice = await notices(supervisor, call.id);
    expect(supNotice).toHaveLength(1);
    expect(supNotice[0]!.title).toMatchObject({
      en: expect.stringContaining(call.reference),
      zh: expect.stringContaining('值班主管'),
    });
    expect(supNotice[0]!.body.zh).toContain('网络诈骗');
    const detail = (await get(poc, `/api/calls/${call.id}`)).json();
    expect(detail.escalationLevel).toBe(2);
    expect(detail.contactLog.filter((e: { kind: string }) => e.kind === 'escalated')).toHaveLength(2);
    const late = await act(supervisor, call.id, { action: 'acknowledge' });
    expect(late.json().clock.acknowledgedLate).toBe(true);
  });

  it('counts a manual escalation as the rung fired, so the worker does not fire it again', async () => {
    const call = (await post(poc, '/api/calls/incoming', incoming())).json();
    expect((await act(supervisor, call.id, { action: 'escalate' })).json().escalationLevel).toBe(1);
    t.clock.advance(16 * MIN);
    expect(await sweep(call.id)).toEqual([]);
    t.clock.advance(15 * MIN);
    expect(await sweep(call.id)).toEqual(['escalation:2']);
  });

  it('fires an escalation that fell due while the node was down, after a restart', async () => {
    const call = (await post(poc, '/api/calls/incoming', incoming())).json();
    await t.reopen();
    t.clock.advance(31 * MIN);
    expect(await sweep(call.id)).toEqual(['escalation:1', 'escalation:2']);
    expect(await sweep(call.id)).toEqual([]);
    expect((await notices(supervisor, call.id)).map((n) => n.kind)).toEqual(['call.escalated']);
    expect((await get(poc, `/api/calls/${call.id}`)).json().escalationLevel).toBe(2);
  });

  it('plans shifts in local time across time zones and DST, and tells who is on duty where it is night', async () => {
    const ny = await t.userWith(['point_of_contact']);
    const sh = await t.userWith(['supervisor']);
    const trainee = await t.userWith(['investigator']);
    const h = bearer(supervisor);
    // US clocks spring forward at 02:00 on 8 March 2026: this night shift lasts 11 hours, not 12.
    const night = await post(supervisor, '/api/roster/shifts', {
      userId: ny.userId,
      role: 'duty_officer',
      timeZone: 'America/New_York',
      localStart: '2026-03-07T20:00',
      localEnd: '2026-03-08T08:00',
    });
    expect(night.statusCode).toBe(201);
    expect(night.json().shift).toMatchObject({
      start: '2026-03-08T01:00:00.000Z',
      end: '2026-03-08T12:00:00.000Z',
      durationMs: 11 * HOUR,
      crossesOffsetChange: true,
    });
    expect(night.json().warnings).toEqual([]);
    const deputy = await post(supervisor, '/api/roster/shifts', {
      userId: sh.userId,
      role: 'deputy',
      timeZone: 'Asia/Shanghai',
      start: '2026-03-08T00:00:00Z',
      end: '2026-03-08T10:00:00Z',
    });
    expect(deputy.statusCode).toBe(201);
    const noAck = await post(supervisor, '/api/roster/shifts', {
      userId: trainee.userId,
      role: 'supervisor',
      timeZone: 'UTC',
      start: '2026-03-09T00:00:00Z',
      end: '2026-03-09T08:00:00Z',
    });
    expect(noAck.json().warnings.map((w: { code: string }) => w.code)).toEqual(['cannot_acknowledge']);
    await t.app.inject({ method: 'DELETE', url: `/api/roster/shifts/${noAck.json().shift.id}`, headers: h });

    const duty = (
      await get(readOnly, '/api/roster/on-duty?at=2026-03-08T06:00:00Z&viewerTimeZone=Asia/Shanghai')
    ).json();
    expect(duty.viewerTimeNow).toContain('14:00');
    expect(duty.onDuty.duty_officer).toHaveLength(1);
    expect(duty.onDuty.duty_officer[0]).toMatchObject({ userId: ny.userId, officer: { name: `Test ${ny.username}` } });
    expect(duty.onDuty.duty_officer[0].localTimeNow).toContain('01:00');
    expect(duty.onDuty.duty_officer[0].viewerZone.start).toContain('09:00');
    expect(duty.onDuty.deputy[0].userId).toBe(sh.userId);
    expect(duty.onDuty.supervisor).toEqual([]);

    const roster = (
      await get(readOnly, '/api/roster?from=2026-03-07T00:00:00Z&to=2026-03-09T00:00:00Z&viewerTimeZone=UTC')
    ).json();
    expect(roster.shifts.map((s: { role: string }) => s.role)).toEqual(['deputy', 'duty_officer']);
    expect(roster.gaps.supervisor).toEqual([{ start: '2026-03-07T00:00:00.000Z', end: '2026-03-09T00:00:00.000Z' }]);
    expect(roster.gaps.duty_officer).toHaveLength(2);

    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/roster/shifts/${night.json().shift.id}`,
      headers: h,
      payload: { localEnd: '2026-03-08T09:00' },
    });
    expect(moved.json().shift).toMatchObject({ start: '2026-03-08T01:00:00.000Z', end: '2026-03-08T13:00:00.000Z' });
    // 01:30 comes twice on 1 November 2026 in New York; a shift ending at the second (06:30Z, EST)
    // keeps that end when only its start is moved.
    const autumn = await post(supervisor, '/api/roster/shifts', {
      userId: ny.userId,
      role: 'deputy',
      timeZone: 'America/New_York',
      start: '2026-10-31T22:00:00Z',
      end: '2026-11-01T06:30:00Z',
    });
    const autumnMoved = await t.app.inject({
      method: 'PATCH',
      url: `/api/roster/shifts/${autumn.json().shift.id}`,
      headers: h,
      payload: { localStart: '2026-10-31T19:00' },
    });
    expect(autumnMoved.json().shift).toMatchObject({
      start: '2026-10-31T23:00:00.000Z',
      end: '2026-11-01T06:30:00.000Z',
    });
    await t.app.inject({ method: 'DELETE', url: `/api/roster/shifts/${autumn.json().shift.id}`, headers: h });

    const backwards = await post(supervisor, '/api/roster/shifts', {
      userId: ny.userId,
      role: 'deputy',
      timeZone: 'Mars/Base',
      start: '2026-03-10T08:00:00Z',
      end: '2026-03-10T06:00:00Z',
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.code).toBe('CALL_SHIFT_INVALID');
    expect(backwards.json().error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['timeZone', 'end']),
    );
    const stranger = await post(supervisor, '/api/roster/shifts', {
      userId: 'nobody',
      role: 'deputy',
      timeZone: 'UTC',
      start: '2026-03-10T00:00:00Z',
      end: '2026-03-10T06:00:00Z',
    });
    expect(stranger.json().error.issues[0].path).toBe('userId');
    expect(
      (
        await post(investigator, '/api/roster/shifts', {
          userId: ny.userId,
          role: 'deputy',
          timeZone: 'UTC',
          start: '2026-03-10T00:00:00Z',
          end: '2026-03-10T06:00:00Z',
        })
      ).statusCode,
    ).toBe(403);
    expect((await get(readOnly, '/api/roster/on-duty?viewerTimeZone=Nowhere/Land')).statusCode).toBe(422);

    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/roster/shifts/${night.json().shift.id}`, headers: h }))
        .statusCode,
    ).toBe(200);
    expect((await get(readOnly, '/api/roster/on-duty?at=2026-03-08T06:00:00Z')).json().onDuty.duty_officer).toEqual([]);
  });
});
