// Use cases: a case's tasks: create one, take an action on one (start, complete, cancel, reopen,
// reassign, reschedule, edit), and list them with their due state.
import { AppError } from '../../errors.js';
import {
  applyTaskAction,
  createTask,
  requireCaseAccess,
  type CaseRecord,
  type CreateTaskInput,
  type TTaskAction,
  type TaskAction,
  type TaskActionParams,
} from '../../domain/case/index.js';
import type { Actor, UserActor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import type { Queryable } from '../../storage/db.js';
import { findTask, insertTask, listCaseTasks, updateTask } from '../../storage/repositories/case-task.repository.js';
import type { ServiceContext } from '../context.js';
import { loadCase, recordCaseEvents } from './case-support.js';
import { viewTask, type TaskView } from './task-view.js';

export async function addTask(
  ctx: ServiceContext,
  actor: UserActor,
  caseId: string,
  input: CreateTaskInput,
): Promise<TaskView> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const kase = await loadCase(tx, actor, caseId);
    const { record, events } = createTask(kase, input, actor, now, newId());
    await insertTask(tx, record);
    await recordCaseEvents(tx, actor, kase, events, now);
    return viewTask(record, actor, kase, now);
  });
}

async function loadTask(tx: Queryable, kase: CaseRecord, taskId: string) {
  const task = await findTask(tx, taskId, true);
  if (!task || task.caseId !== kase.id) throw new AppError('TASK_NOT_FOUND', { details: { caseId: kase.id, taskId } });
  return task;
}

export async function actOnTask(
  ctx: ServiceContext,
  actor: UserActor,
  caseId: string,
  taskId: string,
  command: TTaskAction,
): Promise<TaskView> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const kase = await loadCase(tx, actor, caseId);
    const before = await loadTask(tx, kase, taskId);
    const { action, ...params } = command;
    const { record, events } = applyTaskAction(
      before,
      action,
      actor,
      now,
      params as TaskActionParams[TaskAction],
      kase,
    );
    if (record !== before) {
      await updateTask(tx, record, before.version);
      await recordCaseEvents(tx, actor, kase, events, now);
    }
    return viewTask(record, actor, kase, now);
  });
}

export async function listTasks(ctx: ServiceContext, actor: Actor, caseId: string): Promise<TaskView[]> {
  const kase = await loadCase(ctx.db, actor, caseId);
  requireCaseAccess(actor, 'view', kase);
  const now = ctx.clock();
  return (await listCaseTasks(ctx.db, caseId)).map((t) => viewTask(t, actor, kase, now));
}
