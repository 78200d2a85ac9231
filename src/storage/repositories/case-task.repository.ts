// SQL for case tasks: versioned documents with status, assignee and due columns.
import type { TaskRecord } from '../../domain/case/index.js';
import type { Queryable } from '../db.js';
import { insertDocument, loadDocument, updateDocument, type Columns } from './document-store.js';

const TABLE = 'case_tasks';

function columns(t: TaskRecord): Columns {
  return { case_id: t.caseId, status: t.status, assignee_user_id: t.assigneeUserId, due_at: t.dueAt, created_at: t.createdAt };
}

export async function insertTask(tx: Queryable, t: TaskRecord): Promise<void> {
  await insertDocument(tx, TABLE, t.id, t.version, columns(t), t);
}

export async function updateTask(tx: Queryable, t: TaskRecord, expectedVersion: number): Promise<void> {
  await updateDocument(tx, TABLE, t.id, expectedVersion, t.version, columns(t), t);
}

export function findTask(db: Queryable, id: string, forUpdate = false): Promise<TaskRecord | null> {
  return loadDocument<TaskRecord>(db, TABLE, id, forUpdate);
}

export async function listCaseTasks(db: Queryable, caseId: string): Promise<TaskRecord[]> {
  const rows = await db.query<{ doc: TaskRecord }>('SELECT doc FROM case_tasks WHERE case_id = $1 ORDER BY created_at, id', [caseId]);
  return rows.map((r) => r.doc);
}
