// SQL for case tasks: versioned documents with status, assignee and due columns.
import { TASK_DOCUMENT } from '../../domain/case/record-schema.js';
import type { TaskRecord } from '../../domain/case/index.js';
import type { Queryable } from '../db.js';
import { decodeDocuments, documentKind } from './document-codec.js';
import { insertDocument, loadDocument, updateDocument, type Columns } from './document-store.js';

export const CASE_TASKS = documentKind('case_tasks', TASK_DOCUMENT);

function columns(t: TaskRecord): Columns {
  return {
    case_id: t.caseId,
    status: t.status,
    assignee_user_id: t.assigneeUserId,
    due_at: t.dueAt,
    created_at: t.createdAt,
  };
}

export async function insertTask(tx: Queryable, t: TaskRecord): Promise<void> {
  await insertDocument(tx, CASE_TASKS, t.id, t.version, columns(t), t);
}

export async function updateTask(tx: Queryable, t: TaskRecord, expectedVersion: number): Promise<void> {
  await updateDocument(tx, CASE_TASKS, t.id, expectedVersion, t.version, columns(t), t);
}

export function findTask(db: Queryable, id: string, forUpdate = false): Promise<TaskRecord | null> {
  return loadDocument(db, CASE_TASKS, id, forUpdate);
}

export async function listCaseTasks(db: Queryable, caseId: string): Promise<TaskRecord[]> {
  const rows = await db.query<{ doc: unknown }>(
    'SELECT doc FROM case_tasks WHERE case_id = $1 ORDER BY created_at, id',
    [caseId],
  );
  return decodeDocuments(CASE_TASKS, rows);
}
