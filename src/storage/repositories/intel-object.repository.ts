// SQL for STIX objects kept by this node: batched version inserts (one row per id + modified),
// listing and search, all versions of one object, and ordered reads for export. STIX ids are kept
// as received and compared with lower(stix_id) (the unique and lookup indexes are on it, 150_…sql).
import { stixIdKey } from '../../intel/stix/ids.js';
import { tlpOfMarkings, type StixObject } from '../../intel/stix/types.js';
import { z } from 'zod';
import type { Queryable, Row } from '../db.js';
import { parseRow, zInstant, zNullableString } from './row-schema.js';

export type IntelCollectionRow = {
  id: string;
  alias: string | null;
  title: string;
  description: string;
  readers: string[];
  writers: string[];
  maxTlp: string;
  createdAt: string;
};

export type IntelObjectRow = {
  seq: number;
  collectionId: string;
  stixId: string;
  type: string;
  specVersion: string;
  created: string | null;
  modified: string;
  addedAt: string;
  tlp: string | null;
  source: string;
  object: StixObject;
};

/** An `intel_collections` row (the TAXII server's view adds its API root). */
export const ZCollectionRow = z.object({
  id: z.string(),
  alias: zNullableString,
  title: z.string(),
  description: z.string(),
  readers: z.array(z.string()),
  writers: z.array(z.string()),
  max_tlp: z.string(),
  created_at: zInstant,
});

function toCollection(row: Row): IntelCollectionRow {
  const r = parseRow(ZCollectionRow, 'intel_collections', row);
  return {
    id: r.id,
    alias: r.alias,
    title: r.title,
    description: r.description,
    readers: r.readers,
    writers: r.writers,
    maxTlp: r.max_tlp,
    createdAt: r.created_at,
  };
}

/** A stored STIX object: its common properties checked, every other property kept as stored. */
export const ZStixObject = z.looseObject({
  type: z.string(),
  id: z.string(),
  spec_version: z.string().optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
});
const ZObjectRow = z.object({
  seq: z.coerce.number(),
  collection_id: z.string(),
  stix_id: z.string(),
  type: z.string(),
  spec_version: z.string(),
  created: zNullableString,
  modified: z.string(),
  added_at_text: z.string(),
  tlp: zNullableString,
  source: z.string(),
  object: z.union([
    z
      .string()
      .transform((text): unknown => JSON.parse(text))
      .pipe(ZStixObject),
    ZStixObject,
  ]),
});

const ADDED_AT_TEXT = `to_char(added_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const OBJECT_COLUMNS = `seq, collection_id, stix_id, type, spec_version, created, modified, ${ADDED_AT_TEXT} AS added_at_text, tlp, source, object`;

function toObjectRow(row: Row): IntelObjectRow {
  const r = parseRow(ZObjectRow, 'intel_objects', row);
  return {
    seq: r.seq,
    collectionId: r.collection_id,
    stixId: r.stix_id,
    type: r.type,
    specVersion: r.spec_version,
    created: r.created,
    modified: r.modified,
    addedAt: r.added_at_text,
    tlp: r.tlp,
    source: r.source,
    object: r.object,
  };
}

export async function getCollectionByIdOrAlias(
  q: Queryable,
  idOrAlias: string,
): Promise<IntelCollectionRow | undefined> {
  const rows = await q.query(
    'SELECT * FROM intel_collections WHERE id = $1 OR alias = $1 ORDER BY (id = $1) DESC LIMIT 1',
    [idOrAlias],
  );
  return rows[0] ? toCollection(rows[0]) : undefined;
}

/**
 * Inserts a batch of already validated objects with one statement (arrays unnested server-side, so
 * the SQL text and parameter count stay fixed whatever the batch size). A version already stored
 * (same collection, id and modified) counts as a duplicate. Objects without `modified` or `created`
 * (SCOs, unversioned) take the time they were added as their version, as TAXII 2.1 does, and are
 * duplicates when the collection already holds that id unversioned. Both rules are unique indexes
 * (the version key, and the unversioned key of migration 310), checked by ON CONFLICT with an index
 * probe per row: a NOT EXISTS test here was planned as a scan of the whole collection per batch.
 */
export async function insertStixObjects(
  q: Queryable,
  collectionId: string,
  objects: StixObject[],
  source: string,
  now: Date,
): Promise<{ inserted: number; duplicates: number }> {
  if (objects.length === 0) return { inserted: 0, duplicates: 0 };
  const addedAt = now.toISOString();
  const seen = new Set<string>();
  const batch: {
    id: string;
    type: string;
    spec: string;
    created: string | null;
    modified: string;
    unversioned: boolean;
    tlp: string | null;
    doc: StixObject;
  }[] = [];
  for (const o of objects) {
    const version = typeof o.modified === 'string' ? o.modified : typeof o.created === 'string' ? o.created : undefined;
    const key = `${stixIdKey(o.id)}\u0000${version ?? ''}`;
    if (seen.has(key)) continue; // the same version twice in one batch
    seen.add(key);
    batch.push({
      id: o.id,
      type: o.type,
      spec: typeof o.spec_version === 'string' ? o.spec_version : '2.1',
      created: typeof o.created === 'string' ? o.created : null,
      modified: version ?? addedAt,
      unversioned: version === undefined,
      tlp: tlpOfMarkings(o.object_marking_refs),
      doc: o,
    });
  }
  // The batch travels as ONE JSON document that the server parses once: text arrays of JSON would be
  // escaped element by element in JS and parsed twice on the server (array literal, then jsonb).
  const rows = await q.query(
    `INSERT INTO intel_objects (collection_id, stix_id, type, spec_version, created, modified, added_at, tlp, source, object, unversioned)
     SELECT $1, d.id, d.type, d.spec, d.created, d.modified, $2::timestamptz, d.tlp, $3, d.doc, d.unversioned
     FROM ROWS FROM (jsonb_to_recordset($4::jsonb)
            AS (id text, type text, spec text, created text, modified text, unversioned boolean, tlp text, doc jsonb)) WITH ORDINALITY
          AS d(id, type, spec, created, modified, unversioned, tlp, doc, ord)
     ORDER BY d.ord
     ON CONFLICT DO NOTHING
     RETURNING seq`,
    [collectionId, addedAt, source, JSON.stringify(batch)],
  );
  return { inserted: rows.length, duplicates: objects.length - rows.length };
}

export type ObjectListQuery = {
  collectionId?: string;
  types?: string[];
  search?: string;
  tlps?: readonly string[];
  limit: number;
  offset: number;
};

/** Latest version of each object, newest first, with a total for paging. */
export async function listLatestObjects(
  q: Queryable,
  query: ObjectListQuery,
): Promise<{ rows: IntelObjectRow[]; total: number }> {
  const params: unknown[] = [];
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const conds: string[] = ['TRUE'];
  if (query.collectionId) conds.push(`collection_id = ${p(query.collectionId)}`);
  if (query.types?.length) conds.push(`type = ANY(${p(query.types)}::text[])`);
  if (query.tlps) conds.push(`(tlp IS NULL OR tlp = ANY(${p(query.tlps)}::text[]))`);
  if (query.search) {
    const like = p(`%${query.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    conds.push(
      `(stix_id ILIKE ${like} OR object->>'name' ILIKE ${like} OR object->>'pattern' ILIKE ${like} OR object->>'value' ILIKE ${like})`,
    );
  }
  const where = conds.join(' AND ');
  // The latest version per (collection, id): no newer row of the same object exists.
  const latest = `${where} AND NOT EXISTS (SELECT 1 FROM intel_objects n WHERE n.collection_id = intel_objects.collection_id
    AND lower(n.stix_id) = lower(intel_objects.stix_id) AND n.modified > intel_objects.modified)`;
  const totalRows = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM intel_objects WHERE ${latest}`,
    params,
  );
  const rows = await q.query(
    `SELECT ${OBJECT_COLUMNS} FROM intel_objects WHERE ${latest} ORDER BY added_at DESC, seq DESC LIMIT ${p(query.limit)} OFFSET ${p(query.offset)}`,
    params,
  );
  return { rows: rows.map(toObjectRow), total: Number(totalRows[0]?.n ?? 0) };
}

/** Every stored version of one STIX object (all collections), newest first. */
export async function listObjectVersions(
  q: Queryable,
  stixId: string,
  tlps?: readonly string[],
): Promise<IntelObjectRow[]> {
  const tlpCond = tlps ? 'AND (tlp IS NULL OR tlp = ANY($2::text[]))' : '';
  const rows = await q.query(
    `SELECT ${OBJECT_COLUMNS} FROM intel_objects WHERE lower(stix_id) = $1 ${tlpCond} ORDER BY modified DESC, seq DESC`,
    tlps ? [stixIdKey(stixId), tlps] : [stixIdKey(stixId)],
  );
  return rows.map(toObjectRow);
}

export type ExportPageQuery = { collectionId: string; types?: string[]; afterSeq: number; limit: number };

/** One page of a collection's objects (every version) in the order they were added, for streaming export. */
export async function readObjectsAfter(
  q: Queryable,
  query: ExportPageQuery,
): Promise<{ seq: number; object: string }[]> {
  const params: unknown[] = [query.collectionId, query.afterSeq, query.limit];
  const typeCond = query.types?.length ? 'AND type = ANY($4::text[])' : '';
  if (query.types?.length) params.push(query.types);
  // object::text hands back the stored JSON as it is, so export never re-parses it.
  const rows = await q.query<{ seq: number; object: string }>(
    `SELECT seq, object::text AS object FROM intel_objects WHERE collection_id = $1 AND seq > $2 ${typeCond} ORDER BY seq LIMIT $3`,
    params,
  );
  return rows.map((r) => ({ seq: Number(r.seq), object: r.object }));
}
