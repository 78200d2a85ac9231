// The dialogue mechanism through the HTTP API on both stores: a meeting from plan to held, its
// outcomes and action items tracked to completion, the once-only overdue warning, and refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlines } from '../../src/workers/deadline-worker.js';
import { CLOCK_SOURCES } from '../../src/workers/clock-sources.js';
import { login } from '../../src/services/user/login.js';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';

const meeting = (over: object = {}) => ({
  title: { en: 'Fourth working group on cybercrime', zh: '第四次打击网络犯罪工作组会议' },
  kind: 'working_group',
  startsAt: '2026-03-10T01:00:00Z',
  endsAt: '2026-03-10T09:00:00Z',
  location: 'Beijing',
  parties: ['cn-test', 'us-doj'],
  participants: [
    { party: 'cn-test', name: '张处长', title: '处长' },
    { party: 'us-doj', name: 'Jane Doe' },
  ],
  agenda: [{ en: 'Online fraud cases', zh: '网络诈骗案件' }],
  ...over,
});
const item = (over: object = {}) => ({
  title: { en: 'Share list of fraud call-centre domains', zh: '提供诈骗呼叫中心域名清单' },
  ownerParty: 'cn-test',
  ownerName: '张处长',
  dueDate: '2026-03-20',
  ...over,
});

describe.each(STORES)('dialogue (%s)', (store) => {
  let t: TestApp;
  let supervisor: string;
  let poc: string;
  let readOnly: string;
  const names: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp(store);
    names.supervisor = (await t.userWith(['supervisor'])).username;
    names.poc = (await t.userWith(['point_of_contact'])).username;
    names.readOnly = (await t.userWith(['read_only'])).username;
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (method: 'POST' | 'PATCH', token: string, url: string, payload: object) =>
    t.app.inject({ method, url, headers: bearer(token), payload });
  const post = (token: string, url: string, payload: object) => send('POST', token, url, payload);
  const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
  /** Moves the clock (days apart, past any session's life) and signs everyone in again. */
  const at = async (instant: string) => {
    t.clock.set(instant);
    const token = async (username: string) => (await login(t.ctx, { username, password: TEST_PASSWORD })).token;
    [supervisor, poc, readOnly] = [
      await token(names.supervisor!),
      await token(names.poc!),
      await token(names.readOnly!),
    ];
  };
  const sweep = async (id: string) =>
    (await sweepDeadlines(t.ctx, CLOCK_SOURCES)).fired.filter((f) => f.id === id).map((f) => f.event);

  it('runs a meeting from plan to done action items, warning once when one is overdue', async () => {
    await at('2026-03-02T08:00:00Z');
    const created = await post(supervisor, '/api/dialogue/meetings', meeting());
    expect(created.statusCode).toBe(201);
    const m = created.json();
    expect(m).toMatchObject({ status: 'planned', parties: ['cn-test', 'us-doj'] });
    expect(m.allowedActions).toEqual(['update', 'cancel']);
    expect((await post(readOnly, '/api/dialogue/meetings', meeting())).statusCode).toBe(403);
    const early = await post(supervisor, `/api/dialogue/meetings/${m.id}/actions`, { action: 'mark_held' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('DIALOGUE_MEETING_NOT_STARTED');
    expect(
      (await post(supervisor, `/api/dialogue/meetings/${m.id}/outcomes`, { text: { en: 'x', zh: '某' } })).json().error
        .code,
    ).toBe('DIALOGUE_INVALID_TRANSITION');

    await at('2026-03-10T10:00:00Z');
    expect((await post(poc, `/api/dialogue/meetings/${m.id}/actions`, { action: 'mark_held' })).json().status).toBe(
      'held',
    );
    const outcome = await post(supervisor, `/api/dialogue/meetings/${m.id}/outcomes`, {
      text: { en: 'Both sides will share fraud domains monthly.', zh: '双方每月交换诈骗域名。' },
    });
    expect(outcome.statusCode).toBe(201);
    const ours = await post(
      supervisor,
      `/api/dialogue/meetings/${m.id}/action-items`,
      item({ outcomeId: outcome.json().id }),
    );
    expect(ours.statusCode).toBe(201);
    expect(ours.json()).toMatchObject({
      status: 'open',
      clock: { isOverdue: false, dueAt: '2026-03-21T12:00:00.000Z' },
    });
    const theirs = (
      await post(
        supervisor,
        `/api/dialogue/meetings/${m.id}/action-items`,
        item({ ownerParty: 'us-doj', ownerName: 'Jane Doe', dueDate: '2026-03-31' }),
      )
    ).json();
    const amended = await send('PATCH', supervisor, `/api/dialogue/outcomes/${outcome.json().id}`, {
      text: { en: 'Both sides will share fraud domains every month.', zh: '双方每月交换诈骗域名。' },
    });
    expect(amended.json().version).toBe(2);

    // The due day has ended everywhere at 12:00Z the next day, not a moment before.
    await at('2026-03-21T11:59:59Z');
    expect(await sweep(ours.json().id)).toEqual([]);
    await at('2026-03-21T12:00:01Z');
    const overdue = (await get(readOnly, '/api/dialogue/action-items?overdue=true')).json().items;
    expect(overdue.map((i: { id: string }) => i.id)).toEqual([ours.json().id]);
    expect(await sweep(ours.json().id)).toEqual(['overdue:2026-03-20']);
    expect(await sweep(ours.json().id)).toEqual([]);
    const notices = (await get(supervisor, '/api/notifications'))
      .json()
      .items.filter((n: { subjectId: string }) => n.subjectId === ours.json().id);
    expect(notices).toHaveLength(1);
    expect(notices[0].title).toEqual({
      en: 'Action item overdue: Share list of fraud call-centre domains',
      zh: '行动事项已逾期：提供诈骗呼叫中心域名清单',
    });

    const act = (token: string, id: string, payload: object) =>
      post(token, `/api/dialogue/action-items/${id}/actions`, payload);
    expect((await act(poc, ours.json().id, { action: 'start' })).json().status).toBe('in_progress');
    const done = await act(poc, ours.json().id, { action: 'complete', text: 'List sent via the hotline.' });
    expect(done.json()).toMatchObject({ status: 'done', clock: { isOverdue: false } });
    expect((await act(poc, ours.json().id, { action: 'complete' })).json().error.code).toBe(
      'DIALOGUE_INVALID_TRANSITION',
    );
    // Progress on a commitment is reported by the party that owes it.
    expect((await act(supervisor, theirs.id, { action: 'start' })).json().error.code).toBe('DIALOGUE_FORBIDDEN');
    expect((await act(readOnly, theirs.id, { action: 'note', text: 'x' })).statusCode).toBe(403);

    const agreed = await post(supervisor, `/api/dialogue/meetings/${m.id}/actions`, { action: 'agree_minutes' });
    expect(agreed.json()).toMatchObject({ status: 'held', minutesAgreedBy: ['cn-test'] });
    expect(
      (await post(supervisor, `/api/dialogue/meetings/${m.id}/actions`, { action: 'agree_minutes' })).json().error.code,
    ).toBe('DIALOGUE_MINUTES_ALREADY_AGREED');

    const detail = (await get(readOnly, `/api/dialogue/meetings/${m.id}`)).json();
    expect(detail.outcomes).toHaveLength(1);
    expect(detail.actionItems.map((i: { status: string }) => i.status)).toEqual(['done', 'open']);
    expect(detail.progress).toMatchObject({ total: 2, done: 1, open: 1, completionRate: 0.5 });
    expect(detail.history.map((e: { type: string }) => e.type)).toEqual([
      'dialogue.meeting_created',
      'dialogue.meeting_held',
      'dialogue.outcome_recorded',
      'dialogue.action_item_created',
      'dialogue.action_item_created',
      'dialogue.outcome_amended',
      'dialogue.action_item_overdue',
      'dialogue.action_item_started',
      'dialogue.action_item_completed',
      'dialogue.minutes_agreed_by_party',
    ]);
    const list = (await get(readOnly, '/api/dialogue/meetings?status=held')).json().items;
    expect(list.find((x: { id: string }) => x.id === m.id).progress.byParty['us-doj']).toMatchObject({
      total: 1,
      open: 1,
    });
  });

  it('explains bad input in both languages and refuses impossible steps with 409', async () => {
    await at('2026-04-01T00:00:00Z');
    const backwards = await post(
      supervisor,
      '/api/dialogue/meetings',
      meeting({ startsAt: '2026-05-02T09:00:00Z', endsAt: '2026-05-02T08:00:00Z', location: null }),
    );
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.code).toBe('DIALOGUE_VALIDATION_FAILED');
    const issues = backwards.json().error.issues as { path: string; message: { en: string; zh: string } }[];
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['endsAt', 'location']));
    for (const i of issues) {
      expect(i.message.en).toMatch(/\w/);
      expect(i.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    const malformed = await post(supervisor, '/api/dialogue/meetings', { title: { en: 'x' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.issues[0].message).toMatchObject({ en: expect.any(String), zh: expect.any(String) });

    const m = (
      await post(
        supervisor,
        '/api/dialogue/meetings',
        meeting({
          startsAt: '2026-04-02T01:00:00Z',
          endsAt: '2026-04-02T03:00:00Z',
          kind: 'video_call',
          location: null,
        }),
      )
    ).json();
    await at('2026-04-02T04:00:00Z');
    await post(supervisor, `/api/dialogue/meetings/${m.id}/actions`, { action: 'mark_held' });
    const badItem = await post(
      supervisor,
      `/api/dialogue/meetings/${m.id}/action-items`,
      item({ ownerParty: 'eu-europol', dueDate: '2026-03-01' }),
    );
    expect(badItem.statusCode).toBe(422);
    expect(
      badItem
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['dueDate', 'ownerParty']);
    const cancelHeld = await post(supervisor, `/api/dialogue/meetings/${m.id}/actions`, {
      action: 'cancel',
      reason: 'Too late',
    });
    expect(cancelHeld.statusCode).toBe(409);
    expect(cancelHeld.json().error.code).toBe('DIALOGUE_INVALID_TRANSITION');
    const dropOwn = await send('PATCH', supervisor, `/api/dialogue/meetings/${m.id}`, {
      parties: ['us-doj', 'eu-europol'],
    });
    expect(dropOwn.statusCode).toBe(422);
    const missing = await get(readOnly, '/api/dialogue/meetings/01900000-0000-7000-8000-000000000000');
    expect(missing.json().error.code).toBe('DIALOGUE_MEETING_NOT_FOUND');
  });
});
