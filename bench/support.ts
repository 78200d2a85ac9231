// Shared helpers for benchmarks: spawn a node process, wait for readiness, drive HTTP load, report.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { loadOrCreateNodeSecrets } from '../src/security/node-secrets.js';
import type { ServiceContext } from '../src/services/context.js';
import { openDb } from '../src/storage/db.js';
import { DB_NAME, DB_ROLE, runningServer, serverPassword } from '../src/storage/embedded/cluster-files.js';
import { migrate } from '../src/storage/migrate.js';

/** The external PostgreSQL the benchmarks compare against (the system's). */
export const BENCH_PG_URL = process.env.CROSSLINE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * One figure. A figure of the performance issue's table carries its `target` and whether higher or
 * lower is `better`; report() then adds `ratio_to_target` (value / target) and `met`.
 */
export type Figure = {
  bench: string;
  metric: string;
  value: number;
  unit?: string;
  target?: number;
  better?: 'higher' | 'lower';
  [k: string]: unknown;
};

const reported: Figure[] = [];

export function report(f: Figure): void {
  const line: Figure =
    f.target === undefined
      ? f
      : {
          ...f,
          ratio_to_target: Math.round((f.value / f.target) * 100) / 100,
          met: f.better === 'lower' ? f.value <= f.target : f.value >= f.target,
        };
  reported.push(line);
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** CPU milliseconds (user + system) process `pid` has used, from /proc (Linux, 10 ms ticks); 0 once it has gone. */
export function processCpuMs(pid: number, withReapedChildren = false): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12]) + (withReapedChildren ? Number(f[13]) + Number(f[14]) : 0)) * 10;
  } catch {
    return 0;
  }
}

/**
 * CPU milliseconds of the PostgreSQL backends serving connections named `appName` (the node's pool,
 * started with PGAPPNAME): the database's own work for that node, on the embedded server or an
 * external one alike, without the other clients of a shared server.
 */
export async function backendCpuMs(adminUrl: string, appName: string): Promise<number> {
  const { default: pg } = await import('pg');
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
      [appName],
    );
    return rows.reduce((sum, r) => sum + processCpuMs(r.pid), 0);
  } finally {
    await client.end();
  }
}

/**
 * For every figure measured on both stores in this run (same metric and shape), the ratio embedded /
 * external: the comparison that holds on a shared, noisy machine, unlike either figure alone.
 */
export function reportStoreRatios(bench: string): void {
  const shape = (f: Figure) =>
    JSON.stringify(
      Object.entries(f)
        .filter(
          ([k]) =>
            ![
              'value',
              'storage',
              'note',
              'p50',
              'samples',
              'errors',
              'cpu_seconds',
              'issued_per_s',
              'ratio_to_bound',
            ].includes(k),
        )
        .sort(),
    );
  for (const e of reported.filter((f) => f.bench === bench && f.storage === 'embedded')) {
    const x = reported.find((f) => f.bench === bench && f.storage === 'postgres' && shape(f) === shape(e));
    if (!x || !x.value) continue;
    const { value: _v, storage: _s, note: _n, errors: _e, ...rest } = e;
    process.stdout.write(
      `${JSON.stringify({ ...rest, metric: `${e.metric}_embedded_to_external`, value: Math.round((e.value / x.value) * 100) / 100, embedded: e.value, external: x.value })}\n`,
    );
  }
}

/**
 * The `crossline` entry the benchmarks run: the bundle (bench/run-bundle.mjs) when it exists, so a
 * source edited meanwhile does not switch the node to compiling sources through tsx mid-run;
 * BENCH_FROM_SOURCES=1 runs bin/crossline.js instead.
 */
export function serverEntry(): string {
  return process.env.BENCH_FROM_SOURCES !== '1' && existsSync(path.resolve('dist/server/crossline.mjs'))
    ? path.resolve('bench/run-bundle.mjs')
    : path.resolve('bin/crossline.js');
}

export type NodeProcess = { url: string; child: ChildProcess; startMs: number; stop(): Promise<void> };

/** Starts `crossline start` (`nodeArgs`: options of node itself, e.g. --cpu-prof; `entry`: another build) and resolves when /ready answers 200; `startMs` is spawn → ready. */
export async function startNodeProcess(
  args: string[],
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
  entry = serverEntry(),
): Promise<NodeProcess> {
  const t0 = performance.now();
  const child = spawn('node', [...nodeArgs, entry, 'start', '--port', '0', ...args], {
    env: { ...process.env, CROSSLINE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening at (http:\/\/[0-9.:]+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 2);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`node exited ${code}: ${out}`));
    });
  });
  for (;;) {
    const res = await fetch(`${url}/ready`).catch(() => null);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const startMs = performance.now() - t0;
  return {
    url,
    child,
    startMs,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export type LoadResult = {
  count: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
};

/** Offers `op` at a fixed `rate` per second for `seconds` (open loop: late answers do not slow the offer). */
export async function runPaced(
  rate: number,
  seconds: number,
  op: (i: number) => Promise<boolean>,
): Promise<LoadResult> {
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const s = performance.now();
    inflight.push(
      op(i)
        .catch(() => false)
        .then((ok) => {
          latencies.push(performance.now() - s);
          if (!ok) errors += 1;
        }),
    );
  }
  await Promise.all(inflight);
  const took = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { count: total, errors, seconds: took, perSecond: total / took, p50: pct(0.5), p99: pct(0.99) };
}

/** Runs `op` with `concurrency` workers until `total` calls are done; latencies in ms. */
export async function runLoad(
  total: number,
  concurrency: number,
  op: (i: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        const s = performance.now();
        const ok = await op(i).catch(() => false);
        latencies.push(performance.now() - s);
        if (!ok) errors += 1;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { count: total, errors, seconds, perSecond: total / seconds, p50: pct(0.5), p99: pct(0.99) };
}

/** A URL to the embedded server of `dataDir` (running), for reading pg_stat_activity. */
export function embeddedAdminUrl(dataDir: string): string {
  const state = runningServer(dataDir);
  if (!state) throw new Error(`no embedded server runs for ${dataDir}`);
  return `postgres://${DB_ROLE}:${encodeURIComponent(serverPassword(dataDir))}@127.0.0.1:${state.port}/${DB_NAME}`;
}

/**
 * A service context on a fresh migrated database, outside vitest (whose global setup the test
 * contexts need): the embedded server of a temporary data dir, or a new schema on the external
 * PostgreSQL. `cleanup` drops it all.
 */
export async function openBenchContext(
  storage: 'embedded' | 'postgres',
): Promise<{ ctx: ServiceContext; adminUrl: string; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-bench-ctx-'));
  const schema = `bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const external = storage === 'postgres' ? { databaseUrl: BENCH_PG_URL, databaseSchema: schema } : {};
  const config = loadConfig({ dataDir: dir, nodeId: 'cn-test', logLevel: 'silent', ...external }, {});
  const db = await openDb({
    dataDir: dir,
    databaseUrl: config.databaseUrl,
    schema: storage === 'postgres' ? schema : undefined,
  });
  await migrate(db);
  const ctx: ServiceContext = {
    db,
    config,
    clock: () => new Date(),
    secrets: loadOrCreateNodeSecrets(dir, {}),
    logger: pino({ level: 'silent' }),
  };
  return {
    ctx,
    adminUrl: storage === 'postgres' ? BENCH_PG_URL : embeddedAdminUrl(dir),
    async cleanup() {
      if (storage === 'postgres') await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
