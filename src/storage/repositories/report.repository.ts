// Read-only SQL for statistical reports: counts grouped in the database, and the few timestamps per
// record that percentiles and SLA compliance need. Exercise data never counts: `exercise_id IS NULL`.
import type { Bilingual } from '../../error-types.js';
import type {
  CallCount,
  CallTiming,
  CaseCount,
  Direction,
  RequestCount,
  RequestTiming,
} from '../../domain/report/period-report.js';
import type { RequestRecord } from '../../domain/request/types.js';
import { z } from 'zod';
import type { Queryable } from '../db.js';
import { decodeDocuments } from './document-codec.js';
import { REQUESTS } from './request.repository.js';
import { parseRow, zInstant, zInstantOrNull } from './row-schema.js';

export type ReportScope = { ownParty: string; from: string; to: string; peer: string | null };

const direction = z.enum(['outgoing', 'incoming']);
const ZRequestTimingRow = z.object({
  direction,
  counterpart: z.string(),
  status: z.string(),
  submitted_at: zInstant,
  acknowledged_at: zInstantOrNull,
  fulfilled_at: zInstantOrNull,
  declined_at: zInstantOrNull,
  ack_due_at: zInstantOrNull,
  response_due_at: zInstantOrNull,
});
const ZCallTimingRow = z.object({
  direction,
  counterpart: z.string(),
  urgency: z.string(),
  status: z.string(),
  placed_at: zInstant,
  acknowledged_at: zInstantOrNull,
  ack_due_at: zInstant,
});

/** Requests: submitted in the period, real, not drafts; `$1` own party, `$2`/`$3` the period, `$4` the peer (or null for all). */
const REQUEST_SCOPE = `exercise_id IS NULL AND status <> 'draft' AND submitted_at >= $2 AND submitted_at < $3
  AND ($4::text IS NULL OR requesting_party = $4 OR requested_party = $4)`;
const REQUEST_DIRECTION = `CASE WHEN requesting_party = $1 THEN 'outgoing' ELSE 'incoming' END`;

const params = (s: ReportScope) => [s.ownParty, s.from, s.to, s.peer];

export async function countRequests(db: Queryable, s: ReportScope): Promise<RequestCount[]> {
  const rows = await db.query<{ direction: Direction; type: string; status: string; count: number }>(
    `SELECT ${REQUEST_DIRECTION} AS direction, type, status, count(*)::int AS count
       FROM requests WHERE ${REQUEST_SCOPE} GROUP BY 1, 2, 3`,
    params(s),
  );
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export async function requestTimings(db: Queryable, s: ReportScope): Promise<RequestTiming[]> {
  const rows = await db.query(
    `SELECT ${REQUEST_DIRECTION} AS direction,
            CASE WHEN requesting_party = $1 THEN requested_party ELSE requesting_party END AS counterpart,
            status, submitted_at, doc->>'acknowledgedAt' AS acknowledged_at, doc->>'fulfilledAt' AS fulfilled_at,
            doc->>'declinedAt' AS declined_at, doc->'clocks'->>'ackDueAt' AS ack_due_at, doc->'clocks'->>'responseDueAt' AS response_due_at
       FROM requests WHERE ${REQUEST_SCOPE}`,
    params(s),
  );
  return rows.map((row) => {
    const r = parseRow(ZRequestTimingRow, 'requests', row);
    return {
      direction: r.direction,
      counterpart: r.counterpart,
      status: r.status,
      submittedAt: r.submitted_at,
      acknowledgedAt: r.acknowledged_at,
      fulfilledAt: r.fulfilled_at,
      declinedAt: r.declined_at,
      ackDueAt: r.ack_due_at,
      responseDueAt: r.response_due_at,
    };
  });
}

/** Calls and cases carry their direction or parties themselves: `$1`/`$2` the period, `$3` the peer. */
const CALL_SCOPE = `exercise_id IS NULL AND placed_at >= $1 AND placed_at < $2 AND ($3::text IS NULL OR from_party = $3 OR to_party = $3)`;
const periodParams = (s: ReportScope) => [s.from, s.to, s.peer];

export async function countCalls(db: Queryable, s: ReportScope): Promise<CallCount[]> {
  const rows = await db.query<{ direction: Direction; urgency: string; status: string; count: number }>(
    `SELECT direction, urgency, status, count(*)::int AS count FROM calls WHERE ${CALL_SCOPE} GROUP BY 1, 2, 3`,
    periodParams(s),
  );
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export async function callTimings(db: Queryable, s: ReportScope): Promise<CallTiming[]> {
  const rows = await db.query(
    `SELECT direction, CASE WHEN direction = 'outgoing' THEN to_party ELSE from_party END AS counterpart,
            urgency, status, placed_at, doc->>'acknowledgedAt' AS acknowledged_at, ack_due_at
       FROM calls WHERE ${CALL_SCOPE}`,
    periodParams(s),
  );
  return rows.map((row) => {
    const r = parseRow(ZCallTimingRow, 'calls', row);
    return {
      direction: r.direction,
      counterpart: r.counterpart,
      urgency: r.urgency,
      status: r.status,
      placedAt: r.placed_at,
      acknowledgedAt: r.acknowledged_at,
      ackDueAt: r.ack_due_at,
    };
  });
}

/** Cases opened in the period; one row per (status, category), a case without category counts as "none". */
export async function countCases(db: Queryable, s: ReportScope): Promise<{ counts: CaseCount[]; total: number }> {
  const scope = `created_at >= $1 AND created_at < $2 AND ($3::text IS NULL OR doc->'participatingParties' @> jsonb_build_array($3::text))`;
  const rows = await db.query<{ status: string; category: string; count: number }>(
    `SELECT status, category, count(*)::int AS count
       FROM (SELECT status, unnest(CASE WHEN cardinality(crime_categories) = 0 THEN ARRAY['none'] ELSE crime_categories END) AS category
               FROM cases WHERE ${scope}) c
      GROUP BY 1, 2`,
    periodParams(s),
  );
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE ${scope}`, periodParams(s));
  return { counts: rows.map((r) => ({ ...r, count: Number(r.count) })), total: Number(total[0]?.n ?? 0) };
}

/** Preservations still running or lapsed unrenewed (state now, whatever the period); few, so whole records. */
export async function openPreservations(db: Queryable, peer: string | null): Promise<RequestRecord[]> {
  const rows = await db.query<{ doc: unknown }>(
    `SELECT doc FROM requests
      WHERE exercise_id IS NULL AND type = 'preservation' AND status NOT IN ('declined', 'closed', 'withdrawn', 'draft')
        AND doc->'clocks'->>'preservationExpiresAt' IS NOT NULL
        AND ($1::text IS NULL OR requesting_party = $1 OR requested_party = $1)
      ORDER BY doc->'clocks'->>'preservationExpiresAt'`,
    [peer],
  );
  return decodeDocuments(REQUESTS, rows);
}

export async function peerNames(db: Queryable): Promise<Record<string, Bilingual>> {
  const rows = await db.query<{ id: string; name: Bilingual }>('SELECT id, name FROM peers');
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** Custody events per evidence item of a case (the chain length shown in the case report). */
export async function custodyCounts(db: Queryable, caseId: string): Promise<Map<string, number>> {
  const rows = await db.query<{ evidence_id: string; n: number }>(
    `SELECT ce.evidence_id, count(*)::int AS n FROM custody_events ce
       JOIN case_evidence e ON e.id = ce.evidence_id WHERE e.case_id = $1 GROUP BY ce.evidence_id`,
    [caseId],
  );
  return new Map(rows.map((r) => [r.evidence_id, Number(r.n)]));
}
