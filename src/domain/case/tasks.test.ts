import { describe, expect, it } from 'vitest';
import type { AppError } from '../../errors.js';
import { DAY_MS, HOUR_MS } from '../shared/time.js';
import type { TaskAction, TaskRecord, TaskStatus } from './tasks.js';
import { TASK_ACTIONS, allowedTaskActions, applyTaskAction, createTask, isTaskOverdue, taskDueState } from './tasks.js';
import { NOW, buildCase, codeOf, lead, member, outsider, supervisor, system, viewer } from './test-fixtures.js';

const kase = buildCase();
const LATER = new Date(NOW.getTime() + 60_000);
const DUE = new Date(NOW.getTime() + 2 * DAY_MS).toISOString();

function task(status: TaskStatus, overrides: Partial<TaskRecord> = {}): TaskRecord {
  const t = createTask(
    kase,
    { title: 'Request subscriber info from provider', assigneeUserId: member.userId, dueAt: DUE },
    lead,
    NOW,
    't-1',
  ).record;
  return { ...t, status, ...overrides };
}

const PARAMS: Record<TaskAction, unknown> = {
  start: undefined,
  complete: { note: 'sent' },
  cancel: { reason: 'no longer needed' },
  reopen: { reason: 'provider replied' },
  reassign: { assigneeUserId: lead.userId },
  reschedule: { dueAt: new Date(NOW.getTime() + 3 * DAY_MS).toISOString() },
  edit: { title: 'Renamed' },
};
const EXPECT: Record<TaskAction, { from: TaskStatus[]; to?: TaskStatus; event: string }> = {
  start: { from: ['todo'], to: 'doing', event: 'task.started' },
  complete: { from: ['todo', 'doing'], to: 'done', event: 'task.completed' },
  cancel: { from: ['todo', 'doing'], to: 'cancelled', event: 'task.cancelled' },
  reopen: { from: ['done', 'cancelled'], to: 'todo', event: 'task.reopened' },
  reassign: { from: ['todo', 'doing'], event: 'task.reassigned' },
  reschedule: { from: ['todo', 'doing'], event: 'task.rescheduled' },
  edit: { from: ['todo', 'doing'], event: 'task.updated' },
};

describe('createTask', () => {
  it('creates a todo task with an event', () => {
    const { record, events } = createTask(
      kase,
      { title: '  Freeze wallet  ', description: 'TRC20 USDT', assigneeUserId: member.userId, dueAt: DUE },
      lead,
      NOW,
      't-9',
    );
    expect(record).toMatchObject({
      id: 't-9',
      caseId: 'case-1',
      title: 'Freeze wallet',
      status: 'todo',
      assigneeUserId: member.userId,
      dueAt: DUE,
      version: 1,
      completedAt: null,
    });
    expect(events[0]).toMatchObject({ type: 'task.created', data: { taskId: 't-9', title: 'Freeze wallet' } });
  });
  it.each([
    [{ title: ' ' }, 'TASK_INVALID'],
    [{ title: 'x'.repeat(201) }, 'TASK_INVALID'],
    [{ title: 'x', dueAt: 'tomorrow' }, 'TASK_INVALID'],
    [{ title: 'x', dueAt: new Date(NOW.getTime() - 1).toISOString() }, 'TASK_INVALID'],
    [{ title: 'x', assigneeUserId: viewer.userId }, 'TASK_ASSIGNEE_NOT_MEMBER'],
    [{ title: 'x', assigneeUserId: outsider.userId }, 'TASK_ASSIGNEE_NOT_MEMBER'],
  ])('refuses %j with %s', (input, code) => {
    expect(codeOf(() => createTask(kase, input, lead, NOW, 't'))).toBe(code);
  });
  it('only case editors create tasks, and not on closed cases', () => {
    expect(codeOf(() => createTask(kase, { title: 'x' }, viewer, NOW, 't'))).toBe('TASK_FORBIDDEN');
    expect(codeOf(() => createTask(kase, { title: 'x' }, outsider, NOW, 't'))).toBe('TASK_FORBIDDEN');
    expect(codeOf(() => createTask(kase, { title: 'x' }, system, NOW, 't'))).toBe('none');
    expect(codeOf(() => createTask(buildCase({ status: 'closed' }), { title: 'x' }, lead, NOW, 't'))).toBe(
      'CASE_CLOSED',
    );
  });
});

describe('task transitions', () => {
  for (const action of TASK_ACTIONS) {
    for (const status of ['todo', 'doing', 'done', 'cancelled'] as TaskStatus[]) {
      const spec = EXPECT[action];
      const allowed = spec.from.includes(status);
      it(`${action} from ${status}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const t = task(status);
        const run = () => applyTaskAction(t, action, lead, LATER, PARAMS[action] as never, kase);
        if (!allowed) {
          expect(codeOf(run)).toBe('TASK_INVALID_TRANSITION');
          return;
        }
        const { record, events } = run();
        expect(record.status).toBe(spec.to ?? status);
        expect(record.version).toBe(2);
        expect(record.updatedAt).toBe(LATER.toISOString());
        expect(record.completedAt).toBe(spec.to === 'done' ? LATER.toISOString() : spec.to ? null : t.completedAt);
        expect(record.cancelledAt).toBe(spec.to === 'cancelled' ? LATER.toISOString() : spec.to ? null : t.cancelledAt);
        expect(events[0]).toMatchObject({ type: spec.event, data: { taskId: 't-1', caseId: 'case-1' } });
      });
    }
  }

  it('reassigning to the same person, or rescheduling to the same time, changes nothing', () => {
    const t = task('todo');
    expect(applyTaskAction(t, 'reassign', lead, LATER, { assigneeUserId: member.userId }, kase).events).toEqual([]);
    expect(applyTaskAction(t, 'reschedule', lead, LATER, { dueAt: DUE }, kase).record).toBe(t);
  });

  it('validates reassignment and rescheduling', () => {
    const t = task('doing');
    expect(codeOf(() => applyTaskAction(t, 'reassign', lead, LATER, { assigneeUserId: viewer.userId }, kase))).toBe(
      'TASK_ASSIGNEE_NOT_MEMBER',
    );
    expect(
      applyTaskAction(t, 'reassign', lead, LATER, { assigneeUserId: null }, kase).record.assigneeUserId,
    ).toBeNull();
    expect(codeOf(() => applyTaskAction(t, 'reschedule', lead, LATER, { dueAt: NOW.toISOString() }, kase))).toBe(
      'TASK_INVALID',
    );
    expect(applyTaskAction(t, 'reschedule', lead, LATER, { dueAt: null }, kase).record.dueAt).toBeNull();
    expect(codeOf(() => applyTaskAction(t, 'edit', lead, LATER, { title: '' }, kase))).toBe('TASK_INVALID');
  });

  it('an assignee demoted to viewer may still start and complete, but not cancel or reschedule', () => {
    const demoted = buildCase({
      members: kase.members.map((m) => (m.userId === member.userId ? { ...m, caseRole: 'viewer' as const } : m)),
    });
    const t = task('todo');
    expect(allowedTaskActions(t, member, demoted)).toEqual(['start', 'complete']);
    const started = applyTaskAction(t, 'start', member, LATER, undefined, demoted).record;
    expect(applyTaskAction(started, 'complete', member, LATER, undefined, demoted).record.status).toBe('done');
    expect(codeOf(() => applyTaskAction(t, 'cancel', member, LATER, undefined, demoted))).toBe('TASK_FORBIDDEN');
    expect(codeOf(() => applyTaskAction(t, 'start', viewer, LATER, undefined, demoted))).toBe('TASK_FORBIDDEN');
  });

  it('nothing moves on a closed case', () => {
    const closed = buildCase({ status: 'closed' });
    expect(allowedTaskActions(task('todo'), lead, closed)).toEqual([]);
    expect(codeOf(() => applyTaskAction(task('todo'), 'start', lead, LATER, undefined, closed))).toBe('CASE_CLOSED');
  });

  it('outsiders are refused and refusals list allowed actions', () => {
    expect(codeOf(() => applyTaskAction(task('todo'), 'start', outsider, LATER, undefined, kase))).toBe(
      'TASK_FORBIDDEN',
    );
    // a supervisor who is only a viewer member cannot manage tasks at all
    expect(codeOf(() => applyTaskAction(task('done'), 'reopen', supervisor, LATER, undefined, kase))).toBe(
      'TASK_FORBIDDEN',
    );
    try {
      applyTaskAction(task('done'), 'start', lead, LATER, undefined, kase);
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).details?.allowed).toEqual(['reopen']);
    }
  });
});

describe('overdue and due state', () => {
  const due = new Date(NOW.getTime() + DAY_MS + HOUR_MS).toISOString();
  const t = task('todo', { dueAt: due });
  it.each([
    [0, 'on_track', false],
    [HOUR_MS, 'due_soon', false], // exactly one day left
    [DAY_MS + HOUR_MS, 'due_soon', false], // due right now: not yet past
    [DAY_MS + HOUR_MS + 1, 'overdue', true],
  ])('at +%i ms: %s, overdue=%s', (offset, state, overdue) => {
    const now = new Date(NOW.getTime() + offset);
    expect(taskDueState(t, now)).toBe(state);
    expect(isTaskOverdue(t, now)).toBe(overdue);
  });
  it('done, cancelled and undated tasks are never overdue', () => {
    const late = new Date(NOW.getTime() + 10 * DAY_MS);
    for (const s of ['done', 'cancelled'] as TaskStatus[]) {
      expect(isTaskOverdue({ ...t, status: s }, late)).toBe(false);
      expect(taskDueState({ ...t, status: s }, late)).toBe('none');
    }
    expect(isTaskOverdue({ ...t, dueAt: null }, late)).toBe(false);
    expect(taskDueState({ ...t, status: 'doing' }, late)).toBe('overdue');
  });
  it('honours a custom due-soon window', () => {
    expect(taskDueState(t, NOW, 2 * DAY_MS)).toBe('due_soon');
  });
});
