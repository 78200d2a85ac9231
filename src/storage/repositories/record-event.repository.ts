// SQL for record history (transitions, contact log, timeline): append and read per subject.
import type { Queryable } from '../db.js';

export type RecordEventRow = {
  id: string; subjectType: string; subjectId: string; at: string; type: string;
  actorLabel: string; party: string; data: Record<string, unknown>; auditSeq: number | null;
};

export async function insertRecordEvent(tx: Queryable, e: RecordEventRow): Promise<void> {
  await tx.query(
    `INSERT INTO record_events (id, subject_type, subject_id, at, type, actor_label, party, data, audit_seq)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8::jsonb,$9)`,
    [e.id, e.subjectType, e.subjectId, e.at, e.type, e.actorLabel, e.party, JSON.stringify(e.data), e.auditSeq],
  );
}

export async function listRecordEvents(db: Queryable, subjectType: string, subjectIds: readonly string[]): Promise<RecordEventRow[]> {
  const rows = await db.query(
    'SELECT * FROM record_events WHERE subject_type = $1 AND subject_id = ANY($2::text[]) ORDER BY at, id',
    [subjectType, subjectIds],
  );
  return rows.map((r) => ({
    id: r.id as string, subjectType: r.subject_type as string, subjectId: r.subject_id as string,
    at: new Date(r.at as string).toISOString(), type: r.type as string, actorLabel: r.actor_label as string,
    party: r.party as string, data: r.data as Record<string, unknown>, auditSeq: (r.audit_seq as number | null) ?? null,
  }));
}
