// SQL for the TAXII 2.1 server: collections with their sharing scope, filtered and paginated reads
// of intel_objects in (added_at, seq) order, object deletion, status resources and party accounts.
// STIX ids (match[id], object URLs) are compared with lower(stix_id), as everywhere.
import { stixIdKey } from '../../intel/stix/ids.js';
import type { TaxiiFilters } from '../../intel/taxii/filters.js';
import { z } from 'zod';
import type { Queryable, Row } from '../db.js';
import { ZCollectionRow, ZStixObject } from './intel-object.repository.js';
import { parseRow } from './row-schema.js';

export type CollectionRow = {
  id: string;
  alias: string | null;
  title: string;
  description: string;
  readers: string[];
  writers: string[];
  maxTlp: string;
  createdAt: string;
  /** The TAXII API root serving it (/taxii2/<apiRoot>/). */
  apiRoot: string;
};

export type TaxiiObjectRow = {
  seq: number;
  stixId: string;
  modified: string;
  specVersion: string;
  addedAt: string;
  object: Record<string, unknown>;
};

export type StatusDetail = { id: string; version: string; message?: string };

export type StatusRow = {
  id: string;
  collectionId: string;
  userId: string;
  status: 'complete' | 'pending';
  requestTimestamp: string;
  totalCount: number;
  successes: StatusDetail[];
  failures: StatusDetail[];
  pendings: StatusDetail[];
};

// Microsecond precision: TAXII clients echo date_added back as added_after, so it must not round.
const ADDED_AT_TEXT = `to_char(o.added_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const ZTaxiiCollectionRow = ZCollectionRow.extend({ api_root: z.string() });
const ZTaxiiObjectRow = z.object({
  seq: z.coerce.number(),
  stix_id: z.string(),
  modified: z.string(),
  spec_version: z.string(),
  added_at_text: z.string(),
  object: ZStixObject,
});
const ZStatusDetail = z.object({ id: z.string(), version: z.string(), message: z.string().optional() });
const ZStatusRow = z.object({
  id: z.string(),
  collection_id: z.string(),
  user_id: z.string(),
  status: z.enum(['complete', 'pending']),
  ts: z.string(),
  total_count: z.coerce.number(),
  successes: z.array(ZStatusDetail),
  failures: z.array(ZStatusDetail),
  pendings: z.array(ZStatusDetail),
});
const ZPartyAccountRow = z.object({ user_id: z.string(), username: z.string(), party: z.string() });

function toCollection(row: Row): CollectionRow {
  const r = parseRow(ZTaxiiCollectionRow, 'intel_collections', row);
  return {
    id: r.id,
    alias: r.alias,
    title: r.title,
    description: r.description,
    readers: r.readers,
    writers: r.writers,
    maxTlp: r.max_tlp,
    createdAt: r.created_at,
    apiRoot: r.api_root,
  };
}

export async function listCollections(q: Queryable): Promise<CollectionRow[]> {
  return (await q.query('SELECT * FROM intel_collections ORDER BY created_at, id')).map(toCollection);
}

/** By id or alias (TAXII 2.1 lets a client use either in the URL). */
export async function findCollection(q: Queryable, idOrAlias: string): Promise<CollectionRow | null> {
  const rows = await q.query(
    'SELECT * FROM intel_collections WHERE id = $1 OR alias = $1 ORDER BY (id = $1) DESC LIMIT 1',
    [idOrAlias],
  );
  return rows[0] ? toCollection(rows[0]) : null;
}

export async function findCollectionByAlias(q: Queryable, alias: string): Promise<CollectionRow | null> {
  const rows = await q.query('SELECT * FROM intel_collections WHERE alias = $1', [alias]);
  return rows[0] ? toCollection(rows[0]) : null;
}

export async function insertCollection(tx: Queryable, c: CollectionRow): Promise<void> {
  await tx.query(
    `INSERT INTO intel_collections (id, alias, title, description, readers, writers, max_tlp, created_at, api_root)
     VALUES ($1,$2,$3,$4,$5::text[],$6::text[],$7,$8,$9)`,
    [c.id, c.alias, c.title, c.description, c.readers, c.writers, c.maxTlp, c.createdAt, c.apiRoot],
  );
}

export async function updateCollection(tx: Queryable, c: CollectionRow): Promise<void> {
  await tx.query(
    `UPDATE intel_collections SET alias=$2, title=$3, description=$4, readers=$5::text[], writers=$6::text[], max_tlp=$7, api_root=$8 WHERE id=$1`,
    [c.id, c.alias, c.title, c.description, c.readers, c.writers, c.maxTlp, c.apiRoot],
  );
}

export async function countObjectsByCollection(q: Queryable): Promise<Map<string, number>> {
  const rows = await q.query<{ collection_id: string; n: number }>(
    'SELECT collection_id, count(*)::int AS n FROM intel_objects GROUP BY collection_id',
  );
  return new Map(rows.map((r) => [r.collection_id, Number(r.n)]));
}

export type ObjectQuery = { collectionId: string; filters: TaxiiFilters; tlps: readonly string[] | 'all' };

/** WHERE clause shared by reads and deletes; `o` is intel_objects. */
function whereOf(query: ObjectQuery, params: unknown[], withPaging: boolean): string {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const f = query.filters;
  const conds = [`o.collection_id = ${p(query.collectionId)}`];
  let tlpCond = (_alias: string) => 'TRUE';
  if (query.tlps !== 'all') {
    const tlps = p(query.tlps);
    tlpCond = (alias) => `(${alias}.tlp IS NULL OR ${alias}.tlp = ANY(${tlps}::text[]))`;
    conds.push(tlpCond('o'));
  }
  if (f.ids) conds.push(`lower(o.stix_id) = ANY(${p(f.ids.map(stixIdKey))}::text[])`);
  if (f.types) conds.push(`o.type = ANY(${p(f.types)}::text[])`);
  if (f.specVersions) conds.push(`o.spec_version = ANY(${p(f.specVersions)}::text[])`);
  if (withPaging && f.addedAfter) conds.push(`o.added_at > ${p(f.addedAfter)}::timestamptz`);
  if (withPaging && f.next)
    conds.push(`(o.added_at, o.seq) > (${p(f.next.addedAt)}::timestamptz, ${p(f.next.seq)}::bigint)`);
  const v = f.versions;
  if (!v.all) {
    // First/last are judged among the versions this viewer may see.
    const other = (cmp: string) => `NOT EXISTS (SELECT 1 FROM intel_objects o2 WHERE o2.collection_id = o.collection_id
      AND lower(o2.stix_id) = lower(o.stix_id) AND o2.modified::timestamptz ${cmp} o.modified::timestamptz AND ${tlpCond('o2')})`;
    const any: string[] = [];
    if (v.last) any.push(other('>'));
    if (v.first) any.push(other('<'));
    if (v.at.length) any.push(`o.modified::timestamptz = ANY(${p(v.at)}::timestamptz[])`);
    conds.push(any.length ? `(${any.join(' OR ')})` : 'FALSE');
  }
  return conds.join(' AND ');
}

/** One page plus whether more follow (reads limit + 1 rows). */
export async function queryObjects(
  q: Queryable,
  query: ObjectQuery,
): Promise<{ rows: TaxiiObjectRow[]; more: boolean }> {
  const params: unknown[] = [];
  const where = whereOf(query, params, true);
  params.push(query.filters.limit + 1);
  const rows = await q.query(
    `SELECT o.seq, o.stix_id, o.modified, o.spec_version, o.object, ${ADDED_AT_TEXT} AS added_at_text
     FROM intel_objects o WHERE ${where} ORDER BY o.added_at, o.seq LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, query.filters.limit).map((row) => {
    const r = parseRow(ZTaxiiObjectRow, 'intel_objects', row);
    return {
      seq: r.seq,
      stixId: r.stix_id,
      modified: r.modified,
      specVersion: r.spec_version,
      addedAt: r.added_at_text,
      object: r.object,
    };
  });
  return { rows: page, more: rows.length > query.filters.limit };
}

export async function deleteObjects(tx: Queryable, query: ObjectQuery): Promise<number> {
  const params: unknown[] = [];
  const where = whereOf(query, params, false);
  const rows = await tx.query(`DELETE FROM intel_objects o WHERE ${where} RETURNING o.seq`, params);
  return rows.length;
}

export async function insertStatus(tx: Queryable, s: StatusRow): Promise<void> {
  await tx.query(
    `INSERT INTO taxii_status (id, collection_id, user_id, status, request_timestamp, total_count, successes, failures, pendings)
     VALUES ($1,$2,$3,$4,$5,$6,$7::jsonb,$8::jsonb,$9::jsonb)`,
    [
      s.id,
      s.collectionId,
      s.userId,
      s.status,
      s.requestTimestamp,
      s.totalCount,
      JSON.stringify(s.successes),
      JSON.stringify(s.failures),
      JSON.stringify(s.pendings),
    ],
  );
}

export async function findStatus(q: Queryable, id: string): Promise<StatusRow | null> {
  const rows = await q.query(
    `SELECT *, to_char(request_timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ts FROM taxii_status WHERE id = $1`,
    [id],
  );
  if (!rows[0]) return null;
  const r = parseRow(ZStatusRow, 'taxii_status', rows[0]);
  return {
    id: r.id,
    collectionId: r.collection_id,
    userId: r.user_id,
    status: r.status,
    requestTimestamp: r.ts,
    totalCount: r.total_count,
    successes: r.successes,
    failures: r.failures,
    pendings: r.pendings,
  };
}

export async function upsertPartyAccount(tx: Queryable, userId: string, party: string, now: string): Promise<void> {
  await tx.query(
    `INSERT INTO intel_party_accounts (user_id, party, created_at) VALUES ($1,$2,$3)
     ON CONFLICT (user_id) DO UPDATE SET party = EXCLUDED.party`,
    [userId, party, now],
  );
}

export async function listPartyAccounts(q: Queryable): Promise<{ userId: string; username: string; party: string }[]> {
  const rows = await q.query(
    'SELECT a.user_id, u.username, a.party FROM intel_party_accounts a JOIN users u ON u.id = a.user_id ORDER BY a.party, u.username',
  );
  return rows.map((row) => {
    const r = parseRow(ZPartyAccountRow, 'intel_party_accounts', row);
    return { userId: r.user_id, username: r.username, party: r.party };
  });
}

export async function deletePartyAccount(tx: Queryable, userId: string): Promise<boolean> {
  return (await tx.query('DELETE FROM intel_party_accounts WHERE user_id = $1 RETURNING user_id', [userId])).length > 0;
}
