// SQL for dialogue meetings and their agreed outcomes: versioned documents plus list columns.
import type { Meeting, MeetingStatus, Outcome } from '../../domain/dialogue/index.js';
import { MEETING_DOCUMENT, OUTCOME_DOCUMENT } from '../../domain/dialogue/record-schema.js';
import type { Queryable } from '../db.js';
import { decodeDocuments, documentKind } from './document-codec.js';
import { insertDocument, loadDocument, updateDocument, type Columns } from './document-store.js';

export const MEETINGS = documentKind('meetings', MEETING_DOCUMENT);
export const OUTCOMES = documentKind('meeting_outcomes', OUTCOME_DOCUMENT);

function meetingColumns(m: Meeting): Columns {
  return {
    status: m.status,
    kind: m.kind,
    starts_at: m.startsAt,
    ends_at: m.endsAt,
    parties: m.parties,
    updated_at: m.updatedAt,
  };
}

export async function insertMeeting(tx: Queryable, m: Meeting): Promise<void> {
  await insertDocument(tx, MEETINGS, m.id, m.version, meetingColumns(m), m);
}

export async function updateMeeting(tx: Queryable, m: Meeting, expectedVersion: number): Promise<void> {
  await updateDocument(tx, MEETINGS, m.id, expectedVersion, m.version, meetingColumns(m), m);
}

export function findMeeting(db: Queryable, id: string, forUpdate = false): Promise<Meeting | null> {
  return loadDocument(db, MEETINGS, id, forUpdate);
}

export type MeetingFilter = {
  party: string;
  status?: MeetingStatus[];
  from?: string;
  to?: string;
  limit: number;
  offset: number;
};

/** Meetings the party takes part in, latest first. */
export async function listMeetings(db: Queryable, f: MeetingFilter): Promise<Meeting[]> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`${p(f.party)} = ANY(parties)`];
  if (f.status?.length) where.push(`status = ANY(${p(f.status)}::text[])`);
  if (f.from) where.push(`ends_at >= ${p(f.from)}`);
  if (f.to) where.push(`starts_at < ${p(f.to)}`);
  const rows = await db.query<{ doc: unknown }>(
    `SELECT doc FROM meetings WHERE ${where.join(' AND ')} ORDER BY starts_at DESC, id LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`,
    params,
  );
  return decodeDocuments(MEETINGS, rows);
}

export async function insertOutcome(tx: Queryable, o: Outcome): Promise<void> {
  await insertDocument(tx, OUTCOMES, o.id, o.version, { meeting_id: o.meetingId, recorded_at: o.recordedAt }, o);
}

export async function updateOutcome(tx: Queryable, o: Outcome, expectedVersion: number): Promise<void> {
  await updateDocument(
    tx,
    OUTCOMES,
    o.id,
    expectedVersion,
    o.version,
    { meeting_id: o.meetingId, recorded_at: o.recordedAt },
    o,
  );
}

export function findOutcome(db: Queryable, id: string, forUpdate = false): Promise<Outcome | null> {
  return loadDocument(db, OUTCOMES, id, forUpdate);
}

export async function listOutcomes(db: Queryable, meetingId: string): Promise<Outcome[]> {
  const rows = await db.query<{ doc: unknown }>(
    'SELECT doc FROM meeting_outcomes WHERE meeting_id = $1 ORDER BY recorded_at, id',
    [meetingId],
  );
  return decodeDocuments(OUTCOMES, rows);
}
