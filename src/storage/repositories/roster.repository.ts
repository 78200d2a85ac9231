// SQL for the on-call roster: one versioned row per shift, indexed by time for "who is on duty".
import type { Shift } from '../../domain/call/index.js';
import type { Role } from '../../domain/shared/roles.js';
import { SHIFT_DOCUMENT } from '../../domain/call/record-schema.js';
import type { Queryable } from '../db.js';
import { decodeDocuments, documentKind } from './document-codec.js';
import { insertDocument, loadVersionedDocument, updateDocument, type Columns } from './document-store.js';

export const SHIFTS = documentKind('roster_shifts', SHIFT_DOCUMENT);

export type StoredShift = { shift: Shift; version: number };

function columns(s: Shift): Columns {
  return { user_id: s.userId, role: s.role, starts_at: s.start, ends_at: s.end, time_zone: s.timeZone };
}

export async function insertShift(tx: Queryable, s: Shift): Promise<void> {
  await insertDocument(tx, SHIFTS, s.id, 1, columns(s), s);
}

export async function updateShift(tx: Queryable, s: Shift, expectedVersion: number): Promise<void> {
  await updateDocument(tx, SHIFTS, s.id, expectedVersion, expectedVersion + 1, columns(s), s);
}

export async function deleteShift(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM roster_shifts WHERE id = $1', [id]);
}

export async function findShift(db: Queryable, id: string, forUpdate = false): Promise<StoredShift | null> {
  const found = await loadVersionedDocument(db, SHIFTS, id, forUpdate);
  return found ? { shift: found.doc, version: found.version } : null;
}

/** Shifts overlapping [from, to), earliest first. */
export async function listShiftsBetween(db: Queryable, from: string, to: string, limit = 2000): Promise<Shift[]> {
  const rows = await db.query<{ doc: unknown }>(
    'SELECT doc FROM roster_shifts WHERE ends_at > $1 AND starts_at < $2 ORDER BY starts_at, id LIMIT $3',
    [from, to, limit],
  );
  return decodeDocuments(SHIFTS, rows);
}

export type ShiftOfficer = { id: string; displayName: string; timeZone: string; roles: Role[]; disabled: boolean };

/** Names and home zones of the officers on a set of shifts, for the roster view. */
export async function findShiftOfficers(db: Queryable, userIds: readonly string[]): Promise<Map<string, ShiftOfficer>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.query<{
    id: string;
    display_name: string;
    time_zone: string;
    roles: Role[];
    disabled: boolean;
  }>('SELECT id, display_name, time_zone, roles, disabled FROM users WHERE id = ANY($1::text[])', [userIds]);
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, displayName: r.display_name, timeZone: r.time_zone, roles: r.roles, disabled: r.disabled },
    ]),
  );
}
