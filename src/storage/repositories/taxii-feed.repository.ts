// SQL for TAXII feeds: scheduled pulls from remote TAXII servers, their watermark and last run.
import { z } from 'zod';
import type { Queryable, Row } from '../db.js';
import { LIVE_OWNERS_SQL } from '../process-liveness.js';
import { parseRow, zInstant, zInstantOrNull, zNullableString } from './row-schema.js';

export type FeedAuthKind = 'none' | 'bearer' | 'basic';

/** `complete` is false when the run ended early (its error says why); absent on rows written before it existed. */
export type FeedResult = {
  imported: number;
  duplicates: number;
  invalid: number;
  requests: number;
  complete?: boolean;
};

export type FeedRow = {
  id: string;
  name: string;
  apiRootUrl: string;
  remoteCollection: string;
  targetCollectionId: string;
  authKind: FeedAuthKind;
  username: string | null;
  secretSealed: string | null;
  intervalMinutes: number;
  enabled: boolean;
  watermark: string | null;
  nextRunAt: string;
  resolvedApiRoot: string | null;
  resolvedCollectionId: string | null;
  runningSince: string | null;
  lastRunAt: string | null;
  lastResult: FeedResult | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
};

const ZFeedRow = z.object({
  id: z.string(),
  name: z.string(),
  api_root_url: z.string(),
  remote_collection: z.string(),
  target_collection_id: z.string(),
  auth_kind: z.enum(['none', 'bearer', 'basic']),
  username: zNullableString,
  secret_sealed: zNullableString,
  interval_minutes: z.coerce.number(),
  enabled: z.boolean(),
  watermark: zNullableString,
  resolved_api_root: zNullableString,
  resolved_collection_id: zNullableString,
  next_run_at: zInstant,
  running_since: zInstantOrNull.optional().transform((v) => v ?? null),
  last_run_at: zInstantOrNull.optional().transform((v) => v ?? null),
  last_result: z
    .object({
      imported: z.number(),
      duplicates: z.number(),
      invalid: z.number(),
      requests: z.number(),
      complete: z.boolean().optional(),
    })
    .nullish()
    .transform((v) => v ?? null),
  last_error: zNullableString,
  created_at: zInstant,
  updated_at: zInstant,
});

function toFeed(row: Row): FeedRow {
  const r = parseRow(ZFeedRow, 'taxii_feeds', row);
  return {
    id: r.id,
    name: r.name,
    apiRootUrl: r.api_root_url,
    remoteCollection: r.remote_collection,
    targetCollectionId: r.target_collection_id,
    authKind: r.auth_kind,
    username: r.username,
    secretSealed: r.secret_sealed,
    intervalMinutes: r.interval_minutes,
    enabled: r.enabled,
    watermark: r.watermark,
    resolvedApiRoot: r.resolved_api_root,
    resolvedCollectionId: r.resolved_collection_id,
    nextRunAt: r.next_run_at,
    runningSince: r.running_since,
    lastRunAt: r.last_run_at,
    lastResult: r.last_result,
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listFeeds(q: Queryable): Promise<FeedRow[]> {
  return (await q.query('SELECT * FROM taxii_feeds ORDER BY created_at, id')).map(toFeed);
}

export async function findFeed(q: Queryable, id: string): Promise<FeedRow | null> {
  const rows = await q.query('SELECT * FROM taxii_feeds WHERE id = $1', [id]);
  return rows[0] ? toFeed(rows[0]) : null;
}

export async function insertFeed(tx: Queryable, f: FeedRow): Promise<void> {
  await tx.query(
    `INSERT INTO taxii_feeds (id, name, api_root_url, remote_collection, target_collection_id, auth_kind, username, secret_sealed,
       interval_minutes, enabled, watermark, next_run_at, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
    [
      f.id,
      f.name,
      f.apiRootUrl,
      f.remoteCollection,
      f.targetCollectionId,
      f.authKind,
      f.username,
      f.secretSealed,
      f.intervalMinutes,
      f.enabled,
      f.watermark,
      f.nextRunAt,
      f.createdAt,
      f.updatedAt,
    ],
  );
}

/** Settings only; the run state (watermark aside) is written by the feed runner. */
export async function updateFeedSettings(tx: Queryable, f: FeedRow): Promise<void> {
  await tx.query(
    `UPDATE taxii_feeds SET name=$2, api_root_url=$3, remote_collection=$4, target_collection_id=$5, auth_kind=$6, username=$7,
       secret_sealed=$8, interval_minutes=$9, enabled=$10, watermark=$11, next_run_at=$12, updated_at=$13,
       resolved_api_root=$14, resolved_collection_id=$15 WHERE id=$1`,
    [
      f.id,
      f.name,
      f.apiRootUrl,
      f.remoteCollection,
      f.targetCollectionId,
      f.authKind,
      f.username,
      f.secretSealed,
      f.intervalMinutes,
      f.enabled,
      f.watermark,
      f.nextRunAt,
      f.updatedAt,
      f.resolvedApiRoot,
      f.resolvedCollectionId,
    ],
  );
}

export async function deleteFeed(tx: Queryable, id: string): Promise<boolean> {
  return (await tx.query('DELETE FROM taxii_feeds WHERE id = $1 RETURNING id', [id])).length > 0;
}

export async function dueFeedIds(q: Queryable, now: string, limit: number): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    'SELECT id FROM taxii_feeds WHERE enabled AND next_run_at <= $1 ORDER BY next_run_at LIMIT $2',
    [now, limit],
  );
  return rows.map((r) => r.id);
}

/**
 * Marks a feed as running unless another process runs it; a claim whose process is gone (its
 * liveness lock vanished) or older than `staleBefore` is taken over. Returns the feed when this
 * caller got it.
 */
export async function claimFeed(
  q: Queryable,
  id: string,
  now: string,
  staleBefore: string,
  owner: number | null,
): Promise<FeedRow | null> {
  const rows = await q.query(
    `UPDATE taxii_feeds SET running_since = $2, running_owner = $4 WHERE id = $1
       AND (running_since IS NULL OR running_since < $3 OR (running_owner IS NOT NULL AND running_owner NOT IN (${LIVE_OWNERS_SQL})))
     RETURNING *`,
    [id, now, staleBefore, owner],
  );
  return rows[0] ? toFeed(rows[0]) : null;
}

/** The watermark after a stored page, written in that page's transaction (a crash mid-pull keeps it). */
export async function saveFeedWatermark(tx: Queryable, id: string, watermark: string): Promise<void> {
  await tx.query('UPDATE taxii_feeds SET watermark = $2 WHERE id = $1', [id, watermark]);
}

export async function finishFeedRun(
  q: Queryable,
  id: string,
  run: {
    at: string;
    nextRunAt: string;
    watermark: string | null;
    result: FeedResult | null;
    error: string | null;
    resolvedApiRoot: string | null;
    resolvedCollectionId: string | null;
  },
): Promise<void> {
  await q.query(
    `UPDATE taxii_feeds SET running_since = NULL, running_owner = NULL, last_run_at = $2, next_run_at = $3, watermark = $4, last_result = $5::jsonb,
       last_error = $6, resolved_api_root = $7, resolved_collection_id = $8 WHERE id = $1`,
    [
      id,
      run.at,
      run.nextRunAt,
      run.watermark,
      run.result ? JSON.stringify(run.result) : null,
      run.error,
      run.resolvedApiRoot,
      run.resolvedCollectionId,
    ],
  );
}
