// SQL for dialogue action items: versioned documents plus due-date and overdue-clock columns.
import { ACTION_ITEM_DOCUMENT } from '../../domain/dialogue/record-schema.js';
import type { ActionItem, ActionItemStatus } from '../../domain/dialogue/index.js';
import { dueInstant } from '../../domain/dialogue/index.js';
import type { Queryable } from '../db.js';
import { decodeDocuments, documentKind } from './document-codec.js';
import { insertDocument, loadDocument, updateDocument, type Columns } from './document-store.js';

export const ACTION_ITEMS = documentKind('action_items', ACTION_ITEM_DOCUMENT);

function columns(a: ActionItem, nextCheckAt: string | null): Columns {
  return {
    meeting_id: a.meetingId,
    outcome_id: a.outcomeId,
    status: a.status,
    owner_party: a.ownerParty,
    parties: a.parties,
    due_date: a.dueDate,
    due_at: dueInstant(a.dueDate).toISOString(),
    next_check_at: nextCheckAt,
  };
}

export async function insertActionItem(tx: Queryable, a: ActionItem, nextCheckAt: string | null): Promise<void> {
  await insertDocument(tx, ACTION_ITEMS, a.id, a.version, columns(a, nextCheckAt), a);
}

export async function updateActionItem(
  tx: Queryable,
  a: ActionItem,
  expectedVersion: number,
  nextCheckAt: string | null,
): Promise<void> {
  await updateDocument(tx, ACTION_ITEMS, a.id, expectedVersion, a.version, columns(a, nextCheckAt), a);
}

export function findActionItem(db: Queryable, id: string, forUpdate = false): Promise<ActionItem | null> {
  return loadDocument(db, ACTION_ITEMS, id, forUpdate);
}

export async function setActionItemNextCheck(tx: Queryable, id: string, nextCheckAt: string | null): Promise<void> {
  await tx.query('UPDATE action_items SET next_check_at = $2 WHERE id = $1', [id, nextCheckAt]);
}

export type ActionItemFilter = {
  party: string;
  meetingIds?: string[];
  status?: ActionItemStatus[];
  ownerParty?: string;
  /** Only open items whose due instant is at or before this one. */
  overdueAt?: string;
  limit: number;
  offset: number;
};

/** Items the party takes part in, soonest due first. */
export async function listActionItems(db: Queryable, f: ActionItemFilter): Promise<ActionItem[]> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`${p(f.party)} = ANY(parties)`];
  if (f.meetingIds) where.push(`meeting_id = ANY(${p(f.meetingIds)}::text[])`);
  if (f.status?.length) where.push(`status = ANY(${p(f.status)}::text[])`);
  if (f.ownerParty) where.push(`owner_party = ${p(f.ownerParty)}`);
  if (f.overdueAt) where.push(`status IN ('open', 'in_progress') AND due_at <= ${p(f.overdueAt)}`);
  const rows = await db.query<{ doc: unknown }>(
    `SELECT doc FROM action_items WHERE ${where.join(' AND ')} ORDER BY due_date, id LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`,
    params,
  );
  return decodeDocuments(ACTION_ITEMS, rows);
}

export async function dueActionItemIds(db: Queryable, now: string, limit: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM action_items WHERE next_check_at <= $1 ORDER BY next_check_at LIMIT $2',
    [now, limit],
  );
  return rows.map((r) => r.id);
}
