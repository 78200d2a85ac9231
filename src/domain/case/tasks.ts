// Case tasks: todo → doing → done, cancel from todo/doing, reopen done/cancelled → todo;
// assignment limited to case editors, and due dates driving an overdue flag.
import type { Bilingual, ValidationIssue } from '../../error-types.js';
import { AppError, validationError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import { issue } from '../shared/bilingual.js';
import { DAY_MS, isPast } from '../shared/time.js';
import type { CaseRecord } from './case-types.js';
import { memberOf } from './case-types.js';
import type { CaseDomainEvent, CaseEventType } from './events.js';
import { actorId, makeEvent } from './events.js';
import { canCase } from './policy.js';

export const TASK_STATUSES = ['todo', 'doing', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, Bilingual> = {
  todo: { en: 'To do', zh: '待办' },
  doing: { en: 'In progress', zh: '进行中' },
  done: { en: 'Done', zh: '已完成' },
  cancelled: { en: 'Cancelled', zh: '已取消' },
};

export type TaskRecord = {
  id: string;
  caseId: string;
  title: string;
  description: string | null;
  assigneeUserId: string | null;
  dueAt: string | null;
  status: TaskStatus;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  completedAt: string | null;
  cancelledAt: string | null;
  version: number;
};

export const TASK_ACTIONS = ['start', 'complete', 'cancel', 'reopen', 'reassign', 'reschedule', 'edit'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export type TaskActionParams = {
  start: undefined;
  complete: { note?: string } | undefined;
  cancel: { reason?: string } | undefined;
  reopen: { reason?: string } | undefined;
  reassign: { assigneeUserId: string | null };
  reschedule: { dueAt: string | null };
  edit: { title?: string; description?: string | null };
};

const LIVE: readonly TaskStatus[] = ['todo', 'doing'];

/**
 * `from`: statuses the action starts from; `to`: resulting status; `assignee`: whether the
 * assignee (a case viewer at least) may do it without task-management rights. Completing
 * straight from todo is allowed, as a checklist tick does.
 */
export const TASK_ACTION_SPECS: Record<
  TaskAction,
  { from: readonly TaskStatus[]; to?: TaskStatus; assignee: boolean; event: CaseEventType }
> = {
  start: { from: ['todo'], to: 'doing', assignee: true, event: 'task.started' },
  complete: { from: LIVE, to: 'done', assignee: true, event: 'task.completed' },
  cancel: { from: LIVE, to: 'cancelled', assignee: false, event: 'task.cancelled' },
  reopen: { from: ['done', 'cancelled'], to: 'todo', assignee: false, event: 'task.reopened' },
  reassign: { from: LIVE, assignee: false, event: 'task.reassigned' },
  reschedule: { from: LIVE, assignee: false, event: 'task.rescheduled' },
  edit: { from: LIVE, assignee: false, event: 'task.updated' },
};

export const TASK_TITLE_MAX = 200;
export const TASK_DESCRIPTION_MAX = 5000;

function mayAct(task: TaskRecord, action: TaskAction, actor: Actor, kase: CaseRecord): boolean {
  if (canCase(actor, 'manage_tasks', kase)) return true;
  return (
    TASK_ACTION_SPECS[action].assignee &&
    actor.kind === 'user' &&
    actor.userId === task.assigneeUserId &&
    canCase(actor, 'view', kase)
  );
}

export function allowedTaskActions(task: TaskRecord, actor: Actor, kase: CaseRecord): TaskAction[] {
  if (kase.status === 'closed') return [];
  return TASK_ACTIONS.filter((a) => TASK_ACTION_SPECS[a].from.includes(task.status) && mayAct(task, a, actor, kase));
}

function checkAssignee(kase: CaseRecord, userId: string | null | undefined): void {
  if (userId == null) return;
  const m = memberOf(kase, userId);
  if (!m || m.caseRole === 'viewer')
    throw new AppError('TASK_ASSIGNEE_NOT_MEMBER', { details: { caseId: kase.id, userId } });
}

function checkFields(
  f: { title?: string; description?: string | null; dueAt?: string | null },
  now: Date,
  requireTitle: boolean,
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  if (f.title !== undefined || requireTitle) {
    const t = f.title?.trim() ?? '';
    if (t.length === 0) out.push(issue('title', 'TASK_TITLE_REQUIRED', 'Give the task a title.', '请填写任务标题。'));
    if (t.length > TASK_TITLE_MAX)
      out.push(
        issue(
          'title',
          'TASK_TITLE_TOO_LONG',
          `The title may have at most ${TASK_TITLE_MAX} characters.`,
          `标题最多 ${TASK_TITLE_MAX} 个字符。`,
        ),
      );
  }
  if ((f.description?.length ?? 0) > TASK_DESCRIPTION_MAX) {
    out.push(
      issue(
        'description',
        'TASK_DESCRIPTION_TOO_LONG',
        `The description may have at most ${TASK_DESCRIPTION_MAX} characters.`,
        `描述最多 ${TASK_DESCRIPTION_MAX} 个字符。`,
      ),
    );
  }
  if (f.dueAt != null) {
    const d = new Date(f.dueAt);
    if (Number.isNaN(d.getTime()))
      out.push(issue('dueAt', 'TASK_DUE_INVALID', 'The due date is not a valid date.', '截止时间不是有效日期。'));
    else if (isPast(d, now))
      out.push(issue('dueAt', 'TASK_DUE_PAST', 'The due date is already in the past.', '截止时间已过。'));
  }
  return out;
}

export type CreateTaskInput = {
  title: string;
  description?: string;
  assigneeUserId?: string | null;
  dueAt?: string | null;
};

export function createTask(
  kase: CaseRecord,
  input: CreateTaskInput,
  actor: Actor,
  now: Date,
  id: string,
): { record: TaskRecord; events: CaseDomainEvent[] } {
  if (!canCase(actor, 'manage_tasks', kase))
    throw new AppError('TASK_FORBIDDEN', { details: { caseId: kase.id, action: 'create' } });
  if (kase.status === 'closed') throw new AppError('CASE_CLOSED', { details: { caseId: kase.id } });
  const issues = checkFields(input, now, true);
  if (issues.length) throw validationError(issues, 'TASK_INVALID');
  checkAssignee(kase, input.assigneeUserId);
  const at = now.toISOString();
  const record: TaskRecord = {
    id,
    caseId: kase.id,
    title: input.title.trim(),
    description: input.description?.trim() || null,
    assigneeUserId: input.assigneeUserId ?? null,
    dueAt: input.dueAt ? new Date(input.dueAt).toISOString() : null,
    status: 'todo',
    createdAt: at,
    createdBy: actorId(actor),
    updatedAt: at,
    completedAt: null,
    cancelledAt: null,
    version: 1,
  };
  const event = makeEvent('task.created', actor, now, {
    caseId: kase.id,
    taskId: id,
    title: record.title,
    assigneeUserId: record.assigneeUserId,
    dueAt: record.dueAt,
  });
  return { record, events: [event] };
}

export function applyTaskAction<A extends TaskAction>(
  task: TaskRecord,
  action: A,
  actor: Actor,
  now: Date,
  params: TaskActionParams[A],
  kase: CaseRecord,
): { record: TaskRecord; events: CaseDomainEvent[] } {
  const spec = TASK_ACTION_SPECS[action];
  if (!mayAct(task, action, actor, kase))
    throw new AppError('TASK_FORBIDDEN', { details: { taskId: task.id, action } });
  if (kase.status === 'closed') throw new AppError('CASE_CLOSED', { details: { caseId: kase.id } });
  if (!spec.from.includes(task.status)) {
    throw new AppError('TASK_INVALID_TRANSITION', {
      details: { taskId: task.id, status: task.status, action, allowed: allowedTaskActions(task, actor, kase) },
    });
  }
  const at = now.toISOString();
  const p = (params ?? {}) as Record<string, unknown>;
  const changes: Partial<TaskRecord> = {};
  const data: Record<string, unknown> = { caseId: kase.id, taskId: task.id, title: task.title };
  if (spec.to) {
    changes.status = spec.to;
    changes.completedAt = spec.to === 'done' ? at : null;
    changes.cancelledAt = spec.to === 'cancelled' ? at : null;
    Object.assign(
      data,
      { from: task.status, to: spec.to },
      p.reason ? { reason: p.reason } : {},
      p.note ? { note: p.note } : {},
    );
  } else if (action === 'reassign') {
    const { assigneeUserId } = params as TaskActionParams['reassign'];
    checkAssignee(kase, assigneeUserId);
    changes.assigneeUserId = assigneeUserId;
    Object.assign(data, { from: task.assigneeUserId, to: assigneeUserId });
  } else {
    const f = params as TaskActionParams['reschedule'] & TaskActionParams['edit'];
    const issues = checkFields(f, now, false);
    if (issues.length) throw validationError(issues, 'TASK_INVALID');
    if (action === 'reschedule') {
      changes.dueAt = f.dueAt ? new Date(f.dueAt).toISOString() : null;
      Object.assign(data, { from: task.dueAt, to: changes.dueAt });
    } else {
      if (f.title !== undefined) changes.title = f.title.trim();
      if (f.description !== undefined) changes.description = f.description?.trim() || null;
      Object.assign(data, {
        fields: Object.keys(changes).filter((k) => changes[k as keyof TaskRecord] !== task[k as keyof TaskRecord]),
      });
    }
  }
  const unchanged = (Object.keys(changes) as (keyof TaskRecord)[]).every((k) => changes[k] === task[k]);
  if (!spec.to && unchanged) return { record: task, events: [] };
  const record = { ...task, ...changes, updatedAt: at, version: task.version + 1 };
  return { record, events: [makeEvent(spec.event, actor, now, data as CaseDomainEvent['data'])] };
}

export function isTaskOverdue(task: Pick<TaskRecord, 'status' | 'dueAt'>, now: Date): boolean {
  return LIVE.includes(task.status) && isPast(task.dueAt, now);
}

export type TaskDueState = 'none' | 'on_track' | 'due_soon' | 'overdue';

/** For lists and reminders: `due_soon` when the due time is within `soonMs` (default one day). */
export function taskDueState(task: Pick<TaskRecord, 'status' | 'dueAt'>, now: Date, soonMs = DAY_MS): TaskDueState {
  if (!LIVE.includes(task.status) || !task.dueAt) return 'none';
  const left = new Date(task.dueAt).getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= soonMs ? 'due_soon' : 'on_track';
}
