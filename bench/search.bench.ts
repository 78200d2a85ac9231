// Search benchmark (docs/spec.md §7.1): generates bilingual records from fraud/cybercrime vocabulary,
// indexes them through the node's own tokenizer into search_documents (one unnest INSERT per batch
// of 500, the tsvector cast in SQL; the next batch is tokenised while one is written, as the
// re-index does), then runs a fixed mix of Chinese, English and mixed queries through the search
// use case and reports the indexing rate (with node and database CPU per record) and p50/p95 query
// latency, one JSON line each.
// BENCH_SEARCH_RECORDS (default 1,000,000) sizes both runs: the system PostgreSQL and the embedded
// server (BENCH_SEARCH_STORAGE=postgres|embedded runs one).
// BENCH_SEARCH_KEEP_SCHEMA=name keeps the PostgreSQL index in that schema and reuses it on the next
// run when it holds the same number of records (for tuning queries without re-indexing).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { loadOrCreateNodeSecrets } from '../src/security/node-secrets.js';
import type { ServiceContext } from '../src/services/context.js';
import { searchRowOf } from '../src/services/search/index-search-document.js';
import { searchRecords } from '../src/services/search/search-records.js';
import { openDb, type Db } from '../src/storage/db.js';
import { migrate } from '../src/storage/migrate.js';
import { upsertSearchRows } from '../src/storage/repositories/search-index.repository.js';
import { CITIES, EN_TERMS, pick, record, rng, ZH_TERMS } from './search-corpus.js';
import { processCpuMs, report } from './support.js';

const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RECORDS = Number(process.env.BENCH_SEARCH_RECORDS ?? 1_000_000);
const BATCH = 500;
const KEEP_SCHEMA = process.env.BENCH_SEARCH_KEEP_SCHEMA;

function queries(): string[] {
  const r = rng(7);
  const out: string[] = [];
  for (const t of ZH_TERMS) out.push(t);
  for (const t of EN_TERMS) out.push(t);
  for (let i = 0; i < 40; i++) out.push(`${pick(r, ZH_TERMS)} ${pick(r, ZH_TERMS)}`);
  for (let i = 0; i < 40; i++) out.push(`${pick(r, EN_TERMS)} ${pick(r, CITIES)}`);
  for (let i = 0; i < 30; i++) out.push(`${pick(r, ZH_TERMS)} ${pick(r, EN_TERMS)}`);
  for (const t of [
    '网络诈骗',
    '投资诈骗',
    'frauds',
    'defrauded',
    'laundering',
    '诈骗 OR scam',
    'fraud -crypto',
    'ＵＳＤＴ',
  ])
    out.push(t);
  return out;
}

async function run(storage: 'postgres' | 'embedded', records: number): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crossline-bench-search-'));
  const keep = storage === 'postgres' && KEEP_SCHEMA !== undefined;
  const schema = keep ? KEEP_SCHEMA! : `bench_search_${Date.now().toString(36)}`;
  const db: Db = await openDb(storage === 'postgres' ? { dataDir, databaseUrl: PG_URL, schema } : { dataDir });
  try {
    await migrate(db);
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM search_documents');
    const reuse = keep && n === records;
    if (keep && !reuse) await db.query('TRUNCATE search_documents');
    const ctx: ServiceContext = {
      db,
      config: loadConfig({ dataDir, nodeId: 'bench', logLevel: 'silent' }),
      secrets: loadOrCreateNodeSecrets(dataDir),
      clock: () => new Date(),
      logger: pino({ level: 'silent' }),
    };
    const r = rng(42);
    // Writes go through one session of its own, so the CPU of the backend serving them can be read.
    const writer = await db.session();
    const [{ pid } = { pid: 0 }] = await writer.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    let generateUs = 0;
    let tokenizeUs = 0;
    const cpuUs = () => {
      const c = process.cpuUsage();
      return c.user + c.system;
    };
    const rowsOf = (start: number) => {
      const g0 = cpuUs();
      const docs = [];
      for (let i = start; i < Math.min(records, start + BATCH); i++) docs.push(record(i, r));
      const t1 = cpuUs();
      const rows = docs.map(searchRowOf);
      tokenizeUs += cpuUs() - t1;
      generateUs += t1 - g0;
      return rows;
    };
    const t0 = performance.now();
    const cpu0 = cpuUs();
    const db0 = processCpuMs(pid);
    // As the re-index does (reindex-search.ts): the next batch is tokenised while this one is written.
    let rows = reuse ? [] : rowsOf(0);
    for (let start = 0; start < (reuse ? 0 : records); start += BATCH) {
      const writing = upsertSearchRows(writer, rows);
      writing.catch(() => undefined); // awaited below
      const next = start + BATCH < records ? rowsOf(start + BATCH) : [];
      await writing;
      rows = next;
      if (process.stderr.isTTY && start % 50_000 === 0) process.stderr.write(`\r${storage}: ${start} indexed`);
    }
    const seconds = (performance.now() - t0) / 1000;
    // Node CPU without generating the corpus (not part of indexing).
    const nodeUs = cpuUs() - cpu0 - generateUs;
    const dbMs = processCpuMs(pid) - db0;
    await writer.close();
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (!reuse)
      report({
        bench: 'search',
        metric: 'index_records_per_s',
        value: Math.round(records / seconds),
        unit: 'records/s',
        target: 20_000,
        better: 'higher',
        storage,
        records,
        node_cpu_us_per_record: Number((nodeUs / records).toFixed(1)),
        tokenize_us_per_record: Number((tokenizeUs / records).toFixed(1)),
        db_cpu_us_per_record: Number(((dbMs * 1000) / records).toFixed(1)),
        // Node CPU spent tokenising, per second of indexing (it overlaps the database's writes).
        tokenize_share: Number((tokenizeUs / 1e6 / seconds).toFixed(2)),
      });
    // What autovacuum does soon after a bulk load: statistics, and the GIN pending list merged into
    // the index (until then every query also scans up to 4 MB of pending entries).
    await db.query('VACUUM ANALYZE search_documents');

    const actor = {
      kind: 'user' as const,
      userId: 'bench-user',
      name: 'Bench',
      roles: ['analyst' as const],
      partyId: 'bench',
    };
    const qs = queries();
    for (const q of qs.slice(0, 20)) await searchRecords(ctx, actor, { q, limit: 20 }); // warm-up
    const latencies: number[] = [];
    const timed: { q: string; ms: number }[] = [];
    let withHits = 0;
    for (const q of qs) {
      const s = performance.now();
      const items = await searchRecords(ctx, actor, { q, limit: 20 });
      latencies.push(performance.now() - s);
      timed.push({ q, ms: performance.now() - s });
      if (items.length) withHits += 1;
    }
    // BENCH_SEARCH_SLOWEST=n names the n slowest queries on stderr (for tuning).
    const slowest = Number(process.env.BENCH_SEARCH_SLOWEST ?? 0);
    for (const t of timed.sort((a, b) => b.ms - a.ms).slice(0, slowest))
      process.stderr.write(`${t.ms.toFixed(1)} ms  ${t.q}\n`);
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      Number(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(1));
    const common = { storage, records, queries: qs.length, queries_with_hits: withHits };
    report({ bench: 'search', metric: 'query_p50_ms', value: at(0.5), unit: 'ms', ...common });
    report({
      bench: 'search',
      metric: 'query_p95_ms',
      value: at(0.95),
      unit: 'ms',
      target: 20,
      better: 'lower',
      ...common,
    });
    report({ bench: 'search', metric: 'query_max_ms', value: at(1), unit: 'ms', ...common });
  } finally {
    if (storage === 'postgres' && !keep) await db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const only = process.env.BENCH_SEARCH_STORAGE;
if (!only || only === 'postgres') await run('postgres', RECORDS);
if (!only || only === 'embedded') await run('embedded', RECORDS);
