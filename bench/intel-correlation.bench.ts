// `npm run bench:intel` (part): time per new observable recorded by recordObservables with
// 1,000,000 observables already indexed, on the embedded PostgreSQL server and on the system PostgreSQL (target < 5 ms). The index is
// filled with generate_series in a few statements; then new values are recorded one per
// transaction, every tenth one already held by another source (so an alert is raised, audited).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { loadOrCreateNodeSecrets } from '../src/security/node-secrets.js';
import type { ServiceContext } from '../src/services/context.js';
import { recordObservables } from '../src/services/intel/record-observables.js';
import { openDb } from '../src/storage/db.js';
import { migrate } from '../src/storage/migrate.js';
import { report } from './support.js';

const PG_URL = process.env.CROSSLINE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const STORED = Number(process.env.BENCH_CORRELATION_STORED ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_CORRELATION_SAMPLES ?? 1000);
const CHUNK = 250_000;

const hashSql = (v: string) => `substr(encode(sha256(convert_to(${v}, 'UTF8')), 'hex'), 1, 32)`;

async function fill(ctx: ServiceContext): Promise<void> {
  // 1,000,000 domains spread over 20,000 cases (50 each), counted once each.
  for (let from = 1; from <= STORED; from += CHUNK) {
    const to = Math.min(STORED, from + CHUNK - 1);
    await ctx.db.query(
      `INSERT INTO observable_index (type, value_hash, value, source_kind, source_id, source_label, first_seen)
       SELECT 'domain', ${hashSql("'held-' || i || '.example.com'")}, 'held-' || i || '.example.com', 'case', 'case-' || (i % 20000), NULL, now()
       FROM generate_series($1::int, $2::int) AS i`,
      [from, to],
    );
    await ctx.db.query(
      `INSERT INTO observable_value_counts (type, value_hash, value, source_count, first_seen)
       SELECT 'domain', ${hashSql("'held-' || i || '.example.com'")}, 'held-' || i || '.example.com', 1, now()
       FROM generate_series($1::int, $2::int) AS i`,
      [from, to],
    );
  }
  await ctx.db.query('ANALYZE observable_index');
  await ctx.db.query('ANALYZE observable_value_counts');
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const round = (x: number) => Math.round(x * 1000) / 1000;

async function benchStore(storage: 'embedded' | 'postgres'): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-bench-corr-'));
  const schema = `bench_corr_${Date.now().toString(36)}`;
  const config = loadConfig(
    {
      dataDir: dir,
      nodeId: 'cn-bench',
      logLevel: 'silent',
      ...(storage === 'postgres' ? { databaseUrl: PG_URL, databaseSchema: schema } : {}),
    },
    {},
  );
  const db = await openDb({
    dataDir: dir,
    databaseUrl: config.databaseUrl,
    schema: storage === 'postgres' ? schema : undefined,
  });
  const ctx: ServiceContext = {
    db,
    config,
    clock: () => new Date(),
    secrets: loadOrCreateNodeSecrets(dir, {}),
    logger: pino({ level: 'silent' }),
  };
  try {
    await migrate(db);
    const t0 = performance.now();
    await fill(ctx);
    report({
      bench: 'intel-correlation',
      metric: 'index_fill_s',
      value: round((performance.now() - t0) / 1000),
      stored: STORED,
      storage,
    });
    const times: number[] = [];
    const matchTimes: number[] = [];
    const commitTimes: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const isMatch = i % 10 === 0;
      const value = isMatch ? `held-${1 + ((i * 7919) % STORED)}.example.com` : `new-${i}.example.net`;
      // Timed inside the transaction: callers run it inside theirs, so their commit is not its cost.
      let took = 0;
      const s = performance.now();
      await db.transaction(async (tx) => {
        const start = performance.now();
        await recordObservables(tx, ctx, { kind: 'request', id: `req-${i}` }, [{ type: 'domain', value }], new Date());
        took = performance.now() - start;
      });
      commitTimes.push(performance.now() - s);
      (isMatch ? matchTimes : times).push(took);
    }
    const all = [...times, ...matchTimes].sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    matchTimes.sort((a, b) => a - b);
    report({
      bench: 'intel-correlation',
      metric: 'record_observable_p50_ms',
      value: round(pct(all, 0.5)),
      stored: STORED,
      samples: all.length,
      storage,
      target_ms: 5,
    });
    report({
      bench: 'intel-correlation',
      metric: 'record_observable_p99_ms',
      value: round(pct(all, 0.99)),
      unit: 'ms',
      stored: STORED,
      samples: all.length,
      storage,
      target: 5,
      better: 'lower',
    });
    commitTimes.sort((a, b) => a - b);
    report({
      bench: 'intel-correlation',
      metric: 'own_transaction_incl_commit_p50_ms',
      value: round(pct(commitTimes, 0.5)),
      storage,
    });
    report({
      bench: 'intel-correlation',
      metric: 'record_observable_no_match_p50_ms',
      value: round(pct(times, 0.5)),
      storage,
    });
    report({
      bench: 'intel-correlation',
      metric: 'record_observable_with_alert_p50_ms',
      value: round(pct(matchTimes, 0.5)),
      storage,
    });
    report({
      bench: 'intel-correlation',
      metric: 'record_observable_with_alert_p99_ms',
      value: round(pct(matchTimes, 0.99)),
      storage,
    });
  } finally {
    if (storage === 'postgres') await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const stores = (process.env.BENCH_STORES ?? 'embedded,postgres').split(',') as ('embedded' | 'postgres')[];
for (const s of stores) await benchStore(s);
