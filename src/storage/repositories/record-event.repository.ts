// SQL for record history (transitions, contact log, timeline): append and read per subject.
import { z } from 'zod';
import type { Queryable } from '../db.js';
import type { GatedWrite } from './gated-write.js';
import { parseRow, zInstant } from './row-schema.js';

export type RecordEventRow = {
  id: string;
  subjectType: string;
  subjectId: string;
  at: string;
  type: string;
  actorLabel: string;
  party: string;
  data: Record<string, unknown>;
  auditSeq: number | null;
};

const ZRecordEventRow = z.object({
  id: z.string(),
  subject_type: z.string(),
  subject_id: z.string(),
  at: zInstant,
  type: z.string(),
  actor_label: z.string(),
  party: z.string(),
  data: z.record(z.string(), z.unknown()),
  audit_seq: z.coerce.number().nullable(),
});

/**
 * History rows as a rider of another statement (gated-write.ts): the audit append writes each
 * entry and its history row in one round trip, both gated on the audit head having moved.
 */
export function recordEventsRider(rows: readonly RecordEventRow[]): GatedWrite {
  return (gate, first) => {
    const p = (i: number, type: string) => `$${first + i}::${type}[]`;
    return {
      sql: `INSERT INTO record_events (id, subject_type, subject_id, at, type, actor_label, party, data, audit_seq)
       SELECT i, st, si, a, ty, al, pa, d::jsonb, s
       FROM unnest(${p(0, 'text')}, ${p(1, 'text')}, ${p(2, 'text')}, ${p(3, 'timestamptz')}, ${p(4, 'text')}, ${p(5, 'text')}, ${p(6, 'text')}, ${p(7, 'text')}, ${p(8, 'bigint')})
         AS r(i, st, si, a, ty, al, pa, d, s), ${gate}`,
      params: [
        rows.map((r) => r.id),
        rows.map((r) => r.subjectType),
        rows.map((r) => r.subjectId),
        rows.map((r) => r.at),
        rows.map((r) => r.type),
        rows.map((r) => r.actorLabel),
        rows.map((r) => r.party),
        rows.map((r) => JSON.stringify(r.data)),
        rows.map((r) => r.auditSeq),
      ],
    };
  };
}

export async function listRecordEvents(
  db: Queryable,
  subjectType: string,
  subjectIds: readonly string[],
): Promise<RecordEventRow[]> {
  const rows = await db.query(
    'SELECT * FROM record_events WHERE subject_type = $1 AND subject_id = ANY($2::text[]) ORDER BY at, id',
    [subjectType, subjectIds],
  );
  return rows.map((row) => {
    const r = parseRow(ZRecordEventRow, 'record_events', row);
    return {
      id: r.id,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      at: r.at,
      type: r.type,
      actorLabel: r.actor_label,
      party: r.party,
      data: r.data,
      auditSeq: r.audit_seq,
    };
  });
}
