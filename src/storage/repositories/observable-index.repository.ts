// SQL for correlation (docs/spec.md §4.5): the observable index, per-value counts, alerts and exclusions.
// Batches go through unnest() so one statement handles many values.
import { z } from 'zod';
import { OBSERVABLE_TYPES, type ObservableType } from '../../domain/case/observable-types.js';
import { SOURCE_KINDS, type SourceKind } from '../../intel/correlation/rules.js';
import type { Queryable, Row } from '../db.js';
import { parseRow, zInstant, zInstantOrNull, zNullableString } from './row-schema.js';

export type IndexKey = { type: ObservableType; valueHash: string; value: string };
export type SourceRef = { kind: SourceKind; id: string; label?: string | null };
export type IndexedSource = IndexKey & SourceRef & { firstSeen: string };

// Row shapes, read with parseRow (no casts): each names the columns its query returns.
const ZKeyRow = z.object({ type: z.enum(OBSERVABLE_TYPES), value_hash: z.string(), value: z.string() });
const ZCountRow = z.object({ type: z.string(), value_hash: z.string(), source_count: z.number() });
const ZSourceRow = ZKeyRow.extend({
  source_kind: z.enum(SOURCE_KINDS),
  source_id: z.string(),
  source_label: zNullableString,
  first_seen: zInstant,
});
const ZAlertRow = z.object({
  id: z.string(),
  a_kind: z.enum(SOURCE_KINDS),
  a_id: z.string(),
  a_label: zNullableString,
  b_kind: z.enum(SOURCE_KINDS),
  b_id: z.string(),
  b_label: zNullableString,
  matches: z.array(z.object({ type: z.string(), value: z.string() })),
  match_count: z.number(),
  created_at: zInstant,
  updated_at: zInstant,
  acked_at: zInstantOrNull,
  acked_by: zNullableString,
});
const ZExclusionRow = ZKeyRow.extend({ reason: z.string(), created_by: z.string(), created_at: zInstant });
const ZCount = z.object({ n: z.number() });
const ZUpserted = z.object({ id: z.string(), inserted: z.boolean() });
const ZMember = z.object({ case_id: z.string(), user_id: z.string(), roles: z.array(z.string()) });

const arrays = (keys: readonly IndexKey[]) => [
  keys.map((k) => k.type),
  keys.map((k) => k.valueHash),
  keys.map((k) => k.value),
];

/** A value newly indexed for a source: its count of sources after the change, and whether it is excluded from correlation. */
export type FreshValue = IndexKey & { sourceCount: number; excluded: boolean };

const ZFreshRow = ZKeyRow.extend({ source_count: z.number(), excluded: z.boolean() });

/**
 * Indexes the values for one source, adds the source to each new value's count and reads whether
 * the value is excluded, in one statement (one round trip per write that carries observables).
 * Returns only the values that were new for this source.
 */
export async function indexSourceValues(
  tx: Queryable,
  source: SourceRef,
  keys: readonly IndexKey[],
  now: Date,
): Promise<FreshValue[]> {
  if (keys.length === 0) return [];
  const rows = await tx.query(
    `WITH fresh AS (
       INSERT INTO observable_index (type, value_hash, value, source_kind, source_id, source_label, first_seen)
       SELECT t, h, v, $4, $5, $6, $7 FROM unnest($1::text[], $2::text[], $3::text[]) AS u(t, h, v)
       ON CONFLICT DO NOTHING RETURNING type, value_hash, value),
     counted AS (
       INSERT INTO observable_value_counts (type, value_hash, value, source_count, first_seen)
       SELECT type, value_hash, value, 1, $7 FROM fresh
       ON CONFLICT (type, value_hash) DO UPDATE SET source_count = observable_value_counts.source_count + 1
       RETURNING type, value_hash, source_count)
     SELECT f.type, f.value_hash, f.value, c.source_count,
            EXISTS (SELECT 1 FROM correlation_exclusions e WHERE e.type = f.type AND e.value_hash = f.value_hash) AS excluded
     FROM fresh f JOIN counted c ON c.type = f.type AND c.value_hash = f.value_hash`,
    [...arrays(keys), source.kind, source.id, source.label ?? null, now.toISOString()],
  );
  return rows.map((row) => {
    const r = parseRow(ZFreshRow, 'observable_index', row);
    return { type: r.type, valueHash: r.value_hash, value: r.value, sourceCount: r.source_count, excluded: r.excluded };
  });
}

function toSource(row: Row): IndexedSource {
  const r = parseRow(ZSourceRow, 'observable_index', row);
  return {
    type: r.type,
    valueHash: r.value_hash,
    value: r.value,
    kind: r.source_kind,
    id: r.source_id,
    label: r.source_label,
    firstSeen: r.first_seen,
  };
}

/** The other sources holding these values (at most `limitPerValue` each are useful; callers pass the threshold). */
export async function findOtherSources(
  tx: Queryable,
  keys: readonly IndexKey[],
  self: SourceRef,
): Promise<IndexedSource[]> {
  if (keys.length === 0) return [];
  const rows = await tx.query(
    `SELECT i.* FROM observable_index i
       JOIN unnest($1::text[], $2::text[]) AS u(t, h) ON i.type = u.t AND i.value_hash = u.h
     WHERE NOT (i.source_kind = $3 AND i.source_id = $4)`,
    [keys.map((k) => k.type), keys.map((k) => k.valueHash), self.kind, self.id],
  );
  return rows.map(toSource);
}

export async function listSourcesOf(
  db: Queryable,
  type: string,
  valueHash: string,
  limit: number,
): Promise<{ sources: IndexedSource[]; count: number }> {
  const rows = await db.query(
    'SELECT * FROM observable_index WHERE type = $1 AND value_hash = $2 ORDER BY first_seen, source_kind, source_id LIMIT $3',
    [type, valueHash, limit],
  );
  const count = await db.query('SELECT source_count FROM observable_value_counts WHERE type = $1 AND value_hash = $2', [
    type,
    valueHash,
  ]);
  const counted = count[0]
    ? parseRow(ZCountRow.pick({ source_count: true }), 'observable_value_counts', count[0]).source_count
    : 0;
  return { sources: rows.map(toSource), count: counted };
}

export type AlertMatch = { type: string; value: string };
export type AlertRow = {
  id: string;
  a: SourceRef;
  b: SourceRef;
  matches: AlertMatch[];
  matchCount: number;
  createdAt: string;
  updatedAt: string;
  ackedAt: string | null;
  ackedBy: string | null;
};

/** Creates the pair's alert or adds the value to it (and re-opens it: a new shared value is news). */
export async function upsertAlert(
  tx: Queryable,
  id: string,
  a: SourceRef,
  b: SourceRef,
  match: AlertMatch,
  now: Date,
): Promise<{ id: string; isNew: boolean }> {
  const rows = await tx.query(
    `INSERT INTO correlation_alerts (id, a_kind, a_id, a_label, b_kind, b_id, b_label, matches, match_count, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8::jsonb,1,$9,$9)
     ON CONFLICT (a_kind, a_id, b_kind, b_id) DO UPDATE SET
       matches = CASE WHEN correlation_alerts.matches @> $8::jsonb THEN correlation_alerts.matches ELSE correlation_alerts.matches || $8::jsonb END,
       match_count = correlation_alerts.match_count + CASE WHEN correlation_alerts.matches @> $8::jsonb THEN 0 ELSE 1 END,
       a_label = COALESCE($4, correlation_alerts.a_label), b_label = COALESCE($7, correlation_alerts.b_label),
       updated_at = $9, acked_at = NULL, acked_by = NULL
     RETURNING id, (xmax = 0) AS inserted`,
    [id, a.kind, a.id, a.label ?? null, b.kind, b.id, b.label ?? null, JSON.stringify([match]), now.toISOString()],
  );
  const r = parseRow(ZUpserted, 'correlation_alerts', rows[0] ?? {});
  return { id: r.id, isNew: r.inserted };
}

export type AlertVisibility = { userId: string; canRequest: boolean; canReport: boolean; canIntel: boolean };
export type AlertFilter = {
  state?: 'open' | 'acked' | 'all';
  kind?: string;
  sourceId?: string;
  limit: number;
  offset: number;
};

/** The side is visible when: case → the viewer is a member; other kinds → the viewer's permission. */
const SIDE_VISIBLE = (side: 'a' | 'b') => `(CASE ${side}_kind
  WHEN 'case' THEN EXISTS (SELECT 1 FROM cases c WHERE c.id = ${side}_id AND $1 = ANY(c.member_ids))
  WHEN 'request' THEN $2::boolean WHEN 'report' THEN $3::boolean WHEN 'intel' THEN $4::boolean ELSE false END)`;

export async function listVisibleAlerts(
  db: Queryable,
  v: AlertVisibility,
  f: AlertFilter,
): Promise<{ items: AlertRow[]; total: number }> {
  const where = [SIDE_VISIBLE('a'), SIDE_VISIBLE('b')];
  const params: unknown[] = [v.userId, v.canRequest, v.canReport, v.canIntel];
  if (f.state === 'open' || f.state === undefined) where.push('acked_at IS NULL');
  if (f.state === 'acked') where.push('acked_at IS NOT NULL');
  if (f.kind) {
    params.push(f.kind);
    where.push(`(a_kind = $${params.length} OR b_kind = $${params.length})`);
  }
  if (f.sourceId) {
    params.push(f.sourceId);
    where.push(`(a_id = $${params.length} OR b_id = $${params.length})`);
  }
  const sql = `FROM correlation_alerts WHERE ${where.join(' AND ')}`;
  const total = await db.query(`SELECT count(*)::int AS n ${sql}`, params);
  const rows = await db.query(
    `SELECT * ${sql} ORDER BY updated_at DESC, id LIMIT ${f.limit} OFFSET ${f.offset}`,
    params,
  );
  return { items: rows.map(toAlert), total: total[0] ? parseRow(ZCount, 'correlation_alerts', total[0]).n : 0 };
}

export async function findVisibleAlert(db: Queryable, v: AlertVisibility, id: string): Promise<AlertRow | undefined> {
  const rows = await db.query(
    `SELECT * FROM correlation_alerts WHERE id = $5 AND ${SIDE_VISIBLE('a')} AND ${SIDE_VISIBLE('b')}`,
    [v.userId, v.canRequest, v.canReport, v.canIntel, id],
  );
  return rows[0] ? toAlert(rows[0]) : undefined;
}

export async function setAlertAcked(tx: Queryable, id: string, by: string, now: Date): Promise<void> {
  await tx.query('UPDATE correlation_alerts SET acked_at = $2, acked_by = $3 WHERE id = $1', [
    id,
    now.toISOString(),
    by,
  ]);
}

function toAlert(row: Row): AlertRow {
  const r = parseRow(ZAlertRow, 'correlation_alerts', row);
  return {
    id: r.id,
    a: { kind: r.a_kind, id: r.a_id, label: r.a_label },
    b: { kind: r.b_kind, id: r.b_id, label: r.b_label },
    matches: r.matches,
    matchCount: r.match_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ackedAt: r.acked_at,
    ackedBy: r.acked_by,
  };
}

export type ExclusionRow = IndexKey & { reason: string; createdBy: string; createdAt: string };

export async function insertExclusion(tx: Queryable, e: ExclusionRow): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO correlation_exclusions (type, value_hash, value, reason, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6)
     ON CONFLICT DO NOTHING RETURNING type`,
    [e.type, e.valueHash, e.value, e.reason, e.createdBy, e.createdAt],
  );
  return rows.length === 1;
}

export async function deleteExclusion(
  tx: Queryable,
  type: string,
  valueHash: string,
): Promise<ExclusionRow | undefined> {
  const rows = await tx.query('DELETE FROM correlation_exclusions WHERE type = $1 AND value_hash = $2 RETURNING *', [
    type,
    valueHash,
  ]);
  return rows[0] ? toExclusion(rows[0]) : undefined;
}

export async function listExclusions(db: Queryable): Promise<ExclusionRow[]> {
  return (await db.query('SELECT * FROM correlation_exclusions ORDER BY created_at DESC, type, value')).map(
    toExclusion,
  );
}

export async function isExcluded(db: Queryable, type: string, valueHash: string): Promise<boolean> {
  return (
    (await db.query('SELECT 1 FROM correlation_exclusions WHERE type = $1 AND value_hash = $2', [type, valueHash]))
      .length > 0
  );
}

function toExclusion(row: Row): ExclusionRow {
  const r = parseRow(ZExclusionRow, 'correlation_exclusions', row);
  return {
    type: r.type,
    valueHash: r.value_hash,
    value: r.value,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** Members of the given cases with their node roles: the people who may see a case side of an alert. */
export async function listCaseMembersWithRoles(
  tx: Queryable,
  caseIds: readonly string[],
): Promise<{ caseId: string; userId: string; roles: string[] }[]> {
  if (caseIds.length === 0) return [];
  const rows = await tx.query(
    `SELECT c.id AS case_id, u.id AS user_id, u.roles FROM cases c JOIN users u ON u.id = ANY(c.member_ids) WHERE c.id = ANY($1::text[])`,
    [caseIds],
  );
  return rows.map((row) => {
    const r = parseRow(ZMember, 'cases', row);
    return { caseId: r.case_id, userId: r.user_id, roles: r.roles };
  });
}
