// `tsx bench/search-index.bench.ts`: where the time of search indexing goes (docs/performance.md,
// "Search indexing (7 Dec)"), CPU per record from the process counters, every variant measured in
// the same run in alternating rounds so that neighbours on a shared machine weigh on all alike.
// 1. Tokenising: the tokeniser as it was before 7 Dec (test/support/reference-tokenizer.ts) against
//    the current one, on the benchmark corpus (with and without the current one's caches) and on
//    slices of the fixtures' texts.
// 2. Writing a batch of rows: node CPU (encoding the statement, the driver) and the CPU of the
//    database backend serving it (/proc of its pid), for the statement as it was (a multi-row
//    VALUES list) and as it is (unnest of one array per column), and for the same statement into
//    tables with fewer indexes and a statement that only parses the tsvector literals, which
//    splits the database's work into parse, heap and WAL, the btree indexes and the GIN index.
// 3. End to end: indexing as it was against indexing as it is, records/s and CPU per record.
// BENCH_SEARCH_INDEX_RECORDS (default 40,000) records per variant; BENCH_STORE=embedded|postgres;
// BENCH_SEARCH_INDEX_PARTS=tokenise,write,end-to-end (the default: all three).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { forgetTokenizerCaches } from '../src/domain/search/tokenizer.js';
import { searchRowOf } from '../src/services/search/index-search-document.js';
import type { SearchDocument } from '../src/services/search/search-documents.js';
import type { DbSession } from '../src/storage/db.js';
import { upsertSearchRows, type SearchRow } from '../src/storage/repositories/search-index.repository.js';
import { referenceBuildTsVector } from '../test/support/reference-tokenizer.js';
import { record, rng } from './search-corpus.js';
import { openBenchContext, processCpuMs, report } from './support.js';

const STORE = (process.env.BENCH_STORE ?? 'embedded') as 'embedded' | 'postgres';
const RECORDS = Number(process.env.BENCH_SEARCH_INDEX_RECORDS ?? 40_000);
const BATCH = 500;
const r2 = (n: number) => Number(n.toFixed(2));

const cpuUs = () => {
  const c = process.cpuUsage();
  return c.user + c.system;
};

// --- 1. Tokenising -------------------------------------------------------------------------------

/** Slices of the fixtures' texts (a Chinese web page, the extraction corpus), shaped like records. */
function fixtureDocs(count: number): SearchDocument[] {
  const root = path.resolve(import.meta.dirname, '..');
  let text = readFileSync(path.join(root, 'test/fixtures/seed-page.txt'), 'utf8');
  const extraction = path.join(root, 'test/fixtures/extraction');
  for (const f of readdirSync(extraction).filter((f) => f.endsWith('.jsonl')))
    for (const line of readFileSync(path.join(extraction, f), 'utf8').split('\n'))
      if (line.trim()) text += `\n${(JSON.parse(line) as { text: string }).text}`;
  const docs: SearchDocument[] = [];
  for (let i = 0; i < count; i++) {
    // A different window for every record (offsets step by a prime); the texts are small, so
    // windows overlap and runs repeat, though less than in the benchmark corpus.
    const at = (i * 7919) % Math.max(1, text.length - 400);
    docs.push({ ...record(i, rng(i)), title: text.slice(at, at + 60), body: text.slice(at + 60, at + 300) });
  }
  return docs;
}

function tokenising(): void {
  const r = rng(42);
  const benchCorpus = Array.from({ length: 20_000 }, (_, i) => record(i, r));
  // bench_corpus: the caches as they are; uncached: forgotten before every record (the cost on
  // text that never repeats); fixture_text: forgotten before every round.
  const corpora = {
    bench_corpus: { docs: benchCorpus, forget: 'never' },
    bench_corpus_uncached: { docs: benchCorpus.slice(0, 5_000), forget: 'record' },
    fixture_text: { docs: fixtureDocs(5_000), forget: 'round' },
  } as const;
  const tokenisers = {
    before: (d: SearchDocument) =>
      referenceBuildTsVector([
        { text: d.title, weight: 'A' },
        { text: d.body, weight: 'B' },
      ]),
    after: (d: SearchDocument) => searchRowOf(d).vector,
  };
  for (const [corpus, { docs, forget }] of Object.entries(corpora)) {
    const us = { before: 0, after: 0 };
    for (let round = 0; round < 6; round++)
      for (const [name, tokenise] of Object.entries(tokenisers)) {
        if (forget === 'round') forgetTokenizerCaches();
        const start = cpuUs();
        if (forget === 'record')
          for (const d of docs) {
            forgetTokenizerCaches();
            tokenise(d);
          }
        else for (const d of docs) tokenise(d);
        if (round > 0) us[name as keyof typeof us] += cpuUs() - start; // round 0 warms up
      }
    const per = (n: number) => n / 5 / docs.length;
    report({
      bench: 'search-index',
      metric: 'tokenise_us_per_record',
      value: r2(per(us.after)),
      unit: 'µs',
      corpus,
      before_us: r2(per(us.before)),
      after_to_before: r2(us.after / us.before),
    });
  }
}

// --- 2. Writing rows -----------------------------------------------------------------------------

const COLS = 'kind, ref_id, title, body, member_ids, status, tlp, updated_at, vec';
const UPSERT_SET = `title = EXCLUDED.title, body = EXCLUDED.body, member_ids = EXCLUDED.member_ids,
       status = EXCLUDED.status, tlp = EXCLUDED.tlp, updated_at = EXCLUDED.updated_at, vec = EXCLUDED.vec`;

/** The statement upsertSearchRows sent before 7 Dec: one VALUES tuple of nine parameters per row. */
async function valuesInsert(db: DbSession, table: string, rows: readonly SearchRow[]): Promise<void> {
  const params: unknown[] = [];
  const tuples = rows.map((r) => {
    const at = params.length;
    params.push(r.kind, r.refId, r.title, r.body, r.memberIds, r.status, r.tlp, r.updatedAt, r.vector);
    return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}::text[], $${at + 6}, $${at + 7}, $${at + 8}::timestamptz, $${at + 9}::tsvector)`;
  });
  await db.query(
    `INSERT INTO ${table} (${COLS}) VALUES ${tuples.join(', ')} ON CONFLICT (kind, ref_id) DO UPDATE SET ${UPSERT_SET}`,
    params,
  );
}

/** upsertSearchRows' statement, into another table (its text with the table name replaced). */
function intoTable(table: string) {
  return (db: DbSession, rows: readonly SearchRow[]) =>
    upsertSearchRows(
      {
        query: (sql, params) => db.query(sql.replace('INSERT INTO search_documents', `INSERT INTO ${table}`), params),
      },
      rows,
    );
}

type Variant = {
  name: string;
  write(db: DbSession, rows: readonly SearchRow[]): Promise<void>;
  /** A setting for its connection. */
  session?: string;
};

const VARIANTS: Variant[] = [
  { name: 'values_list_before', write: (db, rows) => valuesInsert(db, 'sd_values', rows) },
  { name: 'unnest_after', write: (db, rows) => upsertSearchRows(db, rows) },
  {
    name: 'unnest_without_gin',
    write: intoTable('sd_no_gin'),
  },
  { name: 'unnest_primary_key_only', write: intoTable('sd_pk_only') },
  // GIN's pending list (fastupdate, 4 MB by default) against none, and against a 64 MB one.
  { name: 'unnest_gin_fastupdate_off', write: intoTable('sd_gin_direct') },
  { name: 'unnest_gin_pending_64mb', write: intoTable('sd_gin_64mb') },
  // The pending list is merged into the tree in work_mem (4 MB by default): a larger one for the writer.
  {
    name: 'unnest_work_mem_64mb',
    session: "SET work_mem = '64MB'",
    write: intoTable('sd_work_mem'),
  },
  {
    name: 'tsvector_parse_only',
    write: async (db, rows) => {
      await db.query('SELECT count(*) FROM unnest($1::text[]) AS v WHERE v::tsvector IS NOT NULL', [
        rows.map((r) => r.vector),
      ]);
    },
  },
];

async function writing(): Promise<void> {
  const t = await openBenchContext(STORE);
  try {
    await t.ctx.db.exec(`
      CREATE TABLE sd_values (LIKE search_documents INCLUDING ALL);
      CREATE TABLE sd_no_gin (LIKE search_documents INCLUDING ALL);
      CREATE TABLE sd_pk_only (LIKE search_documents INCLUDING ALL);
      CREATE TABLE sd_gin_direct (LIKE search_documents INCLUDING ALL);
      CREATE TABLE sd_gin_64mb (LIKE search_documents INCLUDING ALL);
      CREATE TABLE sd_work_mem (LIKE search_documents INCLUDING ALL);`);
    for (const [table, option] of [
      ['sd_gin_direct', 'fastupdate = off'],
      ['sd_gin_64mb', 'gin_pending_list_limit = 65536'],
    ] as const) {
      const [gin] = await t.ctx.db.query<{ name: string }>(
        `SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am a ON a.oid = i.relam
         WHERE x.indrelid = $1::regclass AND a.amname = 'gin'`,
        [table],
      );
      await t.ctx.db.exec(`ALTER INDEX ${gin!.name} SET (${option})`);
    }
    // LIKE … INCLUDING ALL names the copied indexes after the table; drop all but the key.
    for (const [table, keep] of [
      ['sd_no_gin', ['btree']],
      ['sd_pk_only', []],
    ] as const) {
      const indexes = await t.ctx.db.query<{ name: string; def: string }>(
        `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
         WHERE x.indrelid = $1::regclass AND NOT x.indisprimary`,
        [table],
      );
      for (const ix of indexes)
        if (!keep.some((k) => ix.def.includes(`USING ${k}`))) await t.ctx.db.exec(`DROP INDEX ${ix.name}`);
    }
    const sessions = await Promise.all(VARIANTS.map(() => t.ctx.db.session()));
    for (const [i, v] of VARIANTS.entries()) if (v.session) await sessions[i]!.query(v.session);
    const pids: number[] = [];
    for (const s of sessions) pids.push((await s.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid);
    const totals = VARIANTS.map(() => ({ node: 0, db: 0, wall: 0 }));
    const tokenise = { us: 0 };
    const r = rng(42);
    for (let start = 0; start < RECORDS; start += BATCH) {
      const docs: SearchDocument[] = [];
      for (let i = start; i < Math.min(RECORDS, start + BATCH); i++) docs.push(record(i, r));
      const t0 = cpuUs();
      const rows = docs.map(searchRowOf);
      tokenise.us += cpuUs() - t0;
      // The order rotates each round: no variant always runs right after another's GIN merge.
      for (let k = 0; k < VARIANTS.length; k++) {
        const v = (k + start / BATCH) % VARIANTS.length;
        const db0 = processCpuMs(pids[v]!);
        const node0 = cpuUs();
        const wall0 = performance.now();
        await VARIANTS[v]!.write(sessions[v]!, rows);
        totals[v]!.wall += performance.now() - wall0;
        totals[v]!.node += (cpuUs() - node0) / 1000;
        totals[v]!.db += processCpuMs(pids[v]!) - db0;
      }
    }
    for (const s of sessions) await s.close();
    // The pending lists merged (what autovacuum does after a load), then the GIN index built in one
    // pass over the table that was loaded without it: the cost of deferring the index to the end.
    const merge = await t.ctx.db.session();
    const mergePid = (await merge.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid;
    const mergeCpu = async (sql: string) => {
      const before = processCpuMs(mergePid);
      await merge.query(sql);
      return processCpuMs(mergePid) - before;
    };
    const pendingMerge = {
      default: await mergeCpu('VACUUM search_documents'),
      pending_64mb: await mergeCpu('VACUUM sd_gin_64mb'),
      fastupdate_off: await mergeCpu('VACUUM sd_gin_direct'),
    };
    const bulkBuild = await mergeCpu('CREATE INDEX ON sd_pk_only USING gin (vec)');
    await merge.close();
    const perRecordUs = (ms: number) => r2((ms * 1000) / RECORDS);
    report({
      bench: 'search-index',
      metric: 'build_rows_us_per_record',
      value: r2(tokenise.us / RECORDS),
      unit: 'µs',
      storage: STORE,
    });
    report({
      bench: 'search-index',
      metric: 'gin_after_load_us_per_record',
      value: perRecordUs(bulkBuild),
      unit: 'µs database CPU per record, building the GIN index in one pass after the load',
      vacuum_after_load_us: Object.fromEntries(Object.entries(pendingMerge).map(([k, ms]) => [k, perRecordUs(ms)])),
      storage: STORE,
    });
    VARIANTS.forEach((v, i) =>
      report({
        bench: 'search-index',
        metric: `write_${v.name}`,
        value: perRecordUs(totals[i]!.db),
        unit: 'µs database CPU per record',
        node_cpu_us: perRecordUs(totals[i]!.node),
        wall_us: perRecordUs(totals[i]!.wall),
        storage: STORE,
        records: RECORDS,
      }),
    );
  } finally {
    await t.cleanup();
  }
}

// --- 3. End to end ------------------------------------------------------------------------------

/**
 * Indexing as it was (the old tokeniser, a VALUES list, tokenise then write) against indexing as it
 * is (the current tokeniser, unnest, the next batch tokenised while one is written, as
 * reindex-search.ts does), each into its own table, alternating every 5,000 records.
 */
async function endToEnd(): Promise<void> {
  const t = await openBenchContext(STORE);
  try {
    await t.ctx.db.exec('CREATE TABLE sd_values (LIKE search_documents INCLUDING ALL)');
    const modes = {
      before: {
        async index(db: DbSession, docs: readonly SearchDocument[]) {
          for (let i = 0; i < docs.length; i += BATCH) {
            const rows = docs.slice(i, i + BATCH).map((d) => ({
              ...d,
              vector: referenceBuildTsVector([
                { text: d.title, weight: 'A' },
                { text: d.body, weight: 'B' },
              ]),
            }));
            await valuesInsert(db, 'sd_values', rows);
          }
        },
      },
      after: {
        async index(db: DbSession, docs: readonly SearchDocument[]) {
          let rows = docs.slice(0, BATCH).map(searchRowOf);
          for (let i = 0; i < docs.length; i += BATCH) {
            const writing = upsertSearchRows(db, rows);
            writing.catch(() => undefined); // awaited below
            const next = docs.slice(i + BATCH, i + 2 * BATCH).map(searchRowOf);
            await writing;
            rows = next;
          }
        },
      },
    };
    const totals = { before: { node: 0, db: 0, wall: 0 }, after: { node: 0, db: 0, wall: 0 } };
    const sessions = { before: await t.ctx.db.session(), after: await t.ctx.db.session() };
    const pid = async (s: DbSession) => (await s.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid;
    const pids = { before: await pid(sessions.before), after: await pid(sessions.after) };
    const r = rng(1234);
    const CHUNK = 5_000;
    for (let start = 0; start < RECORDS; start += CHUNK) {
      const docs: SearchDocument[] = [];
      for (let i = start; i < Math.min(RECORDS, start + CHUNK); i++) docs.push(record(i, r));
      const order = (start / CHUNK) % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
      for (const mode of order) {
        const db0 = processCpuMs(pids[mode]);
        const node0 = cpuUs();
        const wall0 = performance.now();
        await modes[mode].index(sessions[mode], docs);
        totals[mode].wall += performance.now() - wall0;
        totals[mode].node += (cpuUs() - node0) / 1000;
        totals[mode].db += processCpuMs(pids[mode]) - db0;
      }
    }
    await sessions.before.close();
    await sessions.after.close();
    const perRecordUs = (ms: number) => r2((ms * 1000) / RECORDS);
    report({
      bench: 'search-index',
      metric: 'end_to_end_records_per_s',
      value: Math.round(RECORDS / (totals.after.wall / 1000)),
      unit: 'records/s',
      before: Math.round(RECORDS / (totals.before.wall / 1000)),
      after_to_before: r2(totals.before.wall / totals.after.wall),
      node_cpu_us: { before: perRecordUs(totals.before.node), after: perRecordUs(totals.after.node) },
      db_cpu_us: { before: perRecordUs(totals.before.db), after: perRecordUs(totals.after.db) },
      storage: STORE,
      records: RECORDS,
    });
  } finally {
    await t.cleanup();
  }
}

const parts = (process.env.BENCH_SEARCH_INDEX_PARTS ?? 'tokenise,write,end-to-end').split(',');
if (parts.includes('tokenise')) tokenising();
if (parts.includes('write')) await writing();
if (parts.includes('end-to-end')) await endToEnd();
