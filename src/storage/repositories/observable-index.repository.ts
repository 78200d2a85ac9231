// SQL for correlation (docs/spec.md §4.5): the observable index, per-value counts, alerts and exclusions.
// Batches go through unnest() so one statement handles many values.
import type { Queryable } from '../db.js';

export type IndexKey = { type: string; valueHash: string; value: string };
export type SourceRef = { kind: string; id: string; label?: string | null };
export type IndexedSource = IndexKey & SourceRef & { firstSeen: string };

const arrays = (keys: readonly IndexKey[]) => [keys.map((k) => k.type), keys.map((k) => k.valueHash), keys.map((k) => k.value)];

/** Indexes the values for one source; returns the keys that were new for it. */
export async function insertIndexRows(tx: Queryable, source: SourceRef, keys: readonly IndexKey[], now: Date): Promise<IndexKey[]> {
  if (keys.length === 0) return [];
  const rows = await tx.query(
    `INSERT INTO observable_index (type, value_hash, value, source_kind, source_id, source_label, first_seen)
     SELECT t, h, v, $4, $5, $6, $7 FROM unnest($1::text[], $2::text[], $3::text[]) AS u(t, h, v)
     ON CONFLICT DO NOTHING RETURNING type, value_hash, value`,
    [...arrays(keys), source.kind, source.id, source.label ?? null, now.toISOString()],
  );
  return rows.map((r) => ({ type: r.type as string, valueHash: r.value_hash as string, value: r.value as string }));
}

/** Adds one source to each value's count; returns the counts after the change. */
export async function bumpValueCounts(tx: Queryable, keys: readonly IndexKey[], now: Date): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.query(
    `INSERT INTO observable_value_counts (type, value_hash, value, source_count, first_seen)
     SELECT t, h, v, 1, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS u(t, h, v)
     ON CONFLICT (type, value_hash) DO UPDATE SET source_count = observable_value_counts.source_count + 1
     RETURNING type, value_hash, source_count`,
    [...arrays(keys), now.toISOString()],
  );
  return new Map(rows.map((r) => [`${r.type as string}:${r.value_hash as string}`, r.source_count as number]));
}

export async function findExcludedKeys(tx: Queryable, keys: readonly IndexKey[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx.query(
    `SELECT e.type, e.value_hash FROM correlation_exclusions e
       JOIN unnest($1::text[], $2::text[]) AS u(t, h) ON e.type = u.t AND e.value_hash = u.h`,
    [keys.map((k) => k.type), keys.map((k) => k.valueHash)],
  );
  return new Set(rows.map((r) => `${r.type as string}:${r.value_hash as string}`));
}

const toSource = (r: Record<string, unknown>): IndexedSource => ({
  type: r.type as string, valueHash: r.value_hash as string, value: r.value as string, kind: r.source_kind as string,
  id: r.source_id as string, label: (r.source_label as string | null) ?? null, firstSeen: new Date(r.first_seen as string).toISOString(),
});

/** The other sources holding these values (at most `limitPerValue` each are useful; callers pass the threshold). */
export async function findOtherSources(tx: Queryable, keys: readonly IndexKey[], self: SourceRef): Promise<IndexedSource[]> {
  if (keys.length === 0) return [];
  const rows = await tx.query(
    `SELECT i.* FROM observable_index i
       JOIN unnest($1::text[], $2::text[]) AS u(t, h) ON i.type = u.t AND i.value_hash = u.h
     WHERE NOT (i.source_kind = $3 AND i.source_id = $4)`,
    [keys.map((k) => k.type), keys.map((k) => k.valueHash), self.kind, self.id],
  );
  return rows.map(toSource);
}

export async function listSourcesOf(db: Queryable, type: string, valueHash: string, limit: number): Promise<{ sources: IndexedSource[]; count: number }> {
  const rows = await db.query(
    'SELECT * FROM observable_index WHERE type = $1 AND value_hash = $2 ORDER BY first_seen, source_kind, source_id LIMIT $3',
    [type, valueHash, limit],
  );
  const count = await db.query('SELECT source_count FROM observable_value_counts WHERE type = $1 AND value_hash = $2', [type, valueHash]);
  return { sources: rows.map(toSource), count: (count[0]?.source_count as number | undefined) ?? 0 };
}

export type AlertMatch = { type: string; value: string };
export type AlertRow = {
  id: string; a: SourceRef; b: SourceRef; matches: AlertMatch[]; matchCount: number;
  createdAt: string; updatedAt: string; ackedAt: string | null; ackedBy: string | null;
};

/** Creates the pair's alert or adds the value to it (and re-opens it: a new shared value is news). */
export async function upsertAlert(tx: Queryable, id: string, a: SourceRef, b: SourceRef, match: AlertMatch, now: Date): Promise<{ id: string; isNew: boolean }> {
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
  return { id: rows[0]!.id as string, isNew: rows[0]!.inserted === true };
}

export type AlertVisibility = { userId: string; canRequest: boolean; canReport: boolean; canIntel: boolean };
export type AlertFilter = { state?: 'open' | 'acked' | 'all'; kind?: string; sourceId?: string; limit: number; offset: number };

/** The side is visible when: case → the viewer is a member; other kinds → the viewer's permission. */
const SIDE_VISIBLE = (side: 'a' | 'b') => `(CASE ${side}_kind
  WHEN 'case' THEN EXISTS (SELECT 1 FROM cases c WHERE c.id = ${side}_id AND $1 = ANY(c.member_ids))
  WHEN 'request' THEN $2::boolean WHEN 'report' THEN $3::boolean WHEN 'intel' THEN $4::boolean ELSE false END)`;

export async function listVisibleAlerts(db: Queryable, v: AlertVisibility, f: AlertFilter): Promise<{ items: AlertRow[]; total: number }> {
  const where = [SIDE_VISIBLE('a'), SIDE_VISIBLE('b')];
  const params: unknown[] = [v.userId, v.canRequest, v.canReport, v.canIntel];
  if (f.state === 'open' || f.state === undefined) where.push('acked_at IS NULL');
  if (f.state === 'acked') where.push('acked_at IS NOT NULL');
  if (f.kind) { params.push(f.kind); where.push(`(a_kind = $${params.length} OR b_kind = $${params.length})`); }
  if (f.sourceId) { params.push(f.sourceId); where.push(`(a_id = $${params.length} OR b_id = $${params.length})`); }
  const sql = `FROM correlation_alerts WHERE ${where.join(' AND ')}`;
  const total = await db.query(`SELECT count(*)::int AS n ${sql}`, params);
  const rows = await db.query(`SELECT * ${sql} ORDER BY updated_at DESC, id LIMIT ${f.limit} OFFSET ${f.offset}`, params);
  return { items: rows.map(toAlert), total: (total[0]?.n as number) ?? 0 };
}

export async function findVisibleAlert(db: Queryable, v: AlertVisibility, id: string): Promise<AlertRow | undefined> {
  const rows = await db.query(`SELECT * FROM correlation_alerts WHERE id = $5 AND ${SIDE_VISIBLE('a')} AND ${SIDE_VISIBLE('b')}`,
    [v.userId, v.canRequest, v.canReport, v.canIntel, id]);
  return rows[0] ? toAlert(rows[0]) : undefined;
}

export async function setAlertAcked(tx: Queryable, id: string, by: string, now: Date): Promise<void> {
  await tx.query('UPDATE correlation_alerts SET acked_at = $2, acked_by = $3 WHERE id = $1', [id, now.toISOString(), by]);
}

function toAlert(r: Record<string, unknown>): AlertRow {
  const iso = (x: unknown) => (x ? new Date(x as string).toISOString() : null);
  return {
    id: r.id as string,
    a: { kind: r.a_kind as string, id: r.a_id as string, label: (r.a_label as string | null) ?? null },
    b: { kind: r.b_kind as string, id: r.b_id as string, label: (r.b_label as string | null) ?? null },
    matches: r.matches as AlertMatch[], matchCount: r.match_count as number,
    createdAt: iso(r.created_at)!, updatedAt: iso(r.updated_at)!, ackedAt: iso(r.acked_at), ackedBy: (r.acked_by as string | null) ?? null,
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

export async function deleteExclusion(tx: Queryable, type: string, valueHash: string): Promise<ExclusionRow | undefined> {
  const rows = await tx.query('DELETE FROM correlation_exclusions WHERE type = $1 AND value_hash = $2 RETURNING *', [type, valueHash]);
  return rows[0] ? toExclusion(rows[0]) : undefined;
}

export async function listExclusions(db: Queryable): Promise<ExclusionRow[]> {
  return (await db.query('SELECT * FROM correlation_exclusions ORDER BY created_at DESC, type, value')).map(toExclusion);
}

export async function isExcluded(db: Queryable, type: string, valueHash: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM correlation_exclusions WHERE type = $1 AND value_hash = $2', [type, valueHash])).length > 0;
}

function toExclusion(r: Record<string, unknown>): ExclusionRow {
  return {
    type: r.type as string, valueHash: r.value_hash as string, value: r.value as string, reason: r.reason as string,
    createdBy: r.created_by as string, createdAt: new Date(r.created_at as string).toISOString(),
  };
}

/** Members of the given cases with their node roles: the people who may see a case side of an alert. */
export async function listCaseMembersWithRoles(tx: Queryable, caseIds: readonly string[]): Promise<{ caseId: string; userId: string; roles: string[] }[]> {
  if (caseIds.length === 0) return [];
  const rows = await tx.query(
    `SELECT c.id AS case_id, u.id AS user_id, u.roles FROM cases c JOIN users u ON u.id = ANY(c.member_ids) WHERE c.id = ANY($1::text[])`,
    [caseIds],
  );
  return rows.map((r) => ({ caseId: r.case_id as string, userId: r.user_id as string, roles: r.roles as string[] }));
}

