// What a reader sees of a task: the record, its due state and the actions open to them now.
import {
  allowedTaskActions,
  isTaskOverdue,
  taskDueState,
  type CaseRecord,
  type TaskAction,
  type TaskDueState,
  type TaskRecord,
} from '../../domain/case/index.js';
import type { Actor } from '../../domain/shared/actor.js';

export type TaskView = { record: TaskRecord; dueState: TaskDueState; isOverdue: boolean; allowedActions: TaskAction[] };

export function viewTask(task: TaskRecord, actor: Actor, kase: CaseRecord, now: Date): TaskView {
  return {
    record: task,
    dueState: taskDueState(task, now),
    isOverdue: isTaskOverdue(task, now),
    allowedActions: allowedTaskActions(task, actor, kase),
  };
}
