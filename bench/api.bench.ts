// `npm run bench:api`: requests/s and p50/p99 latency for creating and listing requests through the
// HTTP API of a real node process, on the node's embedded PostgreSQL server and on an external
// PostgreSQL (DATABASE_URL, the system's), cold-start time to /ready (for the embedded store this
// includes starting its server), and the ratio embedded / external of each figure.
// CPU per create and per list is read from process counters (the node process's /proc stat, the PostgreSQL
// backends of its pool, found by their application_name): the figure a busy machine disturbs least.
// The p99 figures at 100 calls/s come from an open-loop offer at that rate, not from the saturating runs.
// BENCH_API_STORES=embedded|postgres runs one store; BENCH_API_PROFILE=dir writes a --cpu-prof of the
// node process (stopped after the creates) to that directory.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { preservationDraft } from '../test/factories.js';
import {
  backendCpuMs,
  embeddedAdminUrl,
  processCpuMs,
  report,
  reportStoreRatios,
  runLoad,
  runPaced,
  serverEntry,
  startNodeProcess,
} from './support.js';

const PG_URL = process.env.CROSSLINE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CREATES = Number(process.env.BENCH_CREATES ?? 2000);
const LISTS = Number(process.env.BENCH_LISTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PACED_SECONDS = Number(process.env.BENCH_PACED_SECONDS ?? 5);
const STORES = (process.env.BENCH_API_STORES ?? 'embedded,postgres').split(',') as ('embedded' | 'postgres')[];
const PROFILE_DIR = process.env.BENCH_API_PROFILE;
const PASSWORD = 'bench password 2026';
const round2 = (x: number) => Math.round(x * 100) / 100;

async function benchStore(storage: 'embedded' | 'postgres'): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-bench-'));
  const schema = `bench_${Date.now().toString(36)}`;
  const env: Record<string, string> =
    storage === 'postgres' ? { DATABASE_URL: PG_URL, CROSSLINE_DATABASE_SCHEMA: schema } : {};
  const cli = (...args: string[]) =>
    execFileSync('node', [serverEntry(), ...args, '--data-dir', dir], {
      env: { ...process.env, ...env, CROSSLINE_LOG_LEVEL: 'warn' },
    });
  try {
    cli('init', '--node-id', 'cn-bench', '--admin-password', PASSWORD);
    cli('users', 'add', 'bench', '--role', 'investigator', '--password', PASSWORD);
    const appName = `crossline-bench-${process.pid}-${storage}`;
    const node = await startNodeProcess(
      ['--data-dir', dir],
      { ...env, PGAPPNAME: appName },
      PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
    );
    // Cold start: for the embedded store it includes starting its server, for the external one the
    // database is already running (the two targets).
    report({
      bench: 'api',
      metric: 'cold_start_to_ready_ms',
      value: Math.round(node.startMs),
      unit: 'ms',
      storage,
      target: storage === 'embedded' ? 1500 : 1000,
      better: 'lower',
    });
    const adminUrl = storage === 'embedded' ? embeddedAdminUrl(dir) : PG_URL;
    const login = await fetch(`${node.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const body = JSON.stringify(preservationDraft());
    const createOnce = async () =>
      (await fetch(`${node.url}/api/requests`, { method: 'POST', headers, body })).status === 201;
    await runLoad(50, CONCURRENCY, createOnce); // warm-up: JIT, the pool's connections
    const nodeCpu0 = processCpuMs(node.child.pid!);
    const dbCpu0 = await backendCpuMs(adminUrl, appName);
    const create = await runLoad(CREATES, CONCURRENCY, createOnce);
    const nodeCpuPer = (processCpuMs(node.child.pid!) - nodeCpu0) / CREATES;
    const dbCpuPer = ((await backendCpuMs(adminUrl, appName)) - dbCpu0) / CREATES;
    report({
      bench: 'api',
      metric: 'create_request_per_s',
      value: Math.round(create.perSecond),
      unit: '/s',
      storage,
      concurrency: CONCURRENCY,
      errors: create.errors,
      target: 1000,
      better: 'higher',
    });
    report({ bench: 'api', metric: 'create_request_p50_ms', value: +create.p50.toFixed(2), unit: 'ms', storage });
    report({ bench: 'api', metric: 'create_request_p99_ms', value: +create.p99.toFixed(2), unit: 'ms', storage });
    report({
      bench: 'api',
      metric: 'create_node_cpu_ms',
      value: round2(nodeCpuPer),
      unit: 'ms',
      storage,
      target: 1,
      better: 'lower',
      note: 'node process CPU per create, from /proc',
    });
    report({
      bench: 'api',
      metric: 'create_db_cpu_ms',
      value: round2(dbCpuPer),
      unit: 'ms',
      storage,
      target: 0.5,
      better: 'lower',
      note: "CPU of the node pool's PostgreSQL backends per create",
    });
    const createPaced = await runPaced(100, PACED_SECONDS, createOnce);
    report({
      bench: 'api',
      metric: 'create_request_p99_ms_at_100_per_s',
      value: +createPaced.p99.toFixed(2),
      unit: 'ms',
      storage,
      p50: +createPaced.p50.toFixed(2),
      errors: createPaced.errors,
      target: 20,
      better: 'lower',
    });
    if (PROFILE_DIR) {
      // --cpu-prof writes its profile when the process exits: stop it here, so the profile holds the creates.
      await node.stop();
      return;
    }
    // What autovacuum does within a minute of the creates on a running node: the planner's statistics
    // of the rows just written (without them it sorts every row rather than read the list's index).
    const admin = new pg.Client(adminUrl);
    await admin.connect();
    await admin.query(storage === 'postgres' ? `ANALYZE ${schema}.requests` : 'ANALYZE');
    await admin.end();
    const listOnce = async () => (await fetch(`${node.url}/api/requests?limit=50`, { headers })).status === 200;
    const listCpu0 = processCpuMs(node.child.pid!);
    const listDb0 = await backendCpuMs(adminUrl, appName);
    const list = await runLoad(LISTS, CONCURRENCY, listOnce);
    const listCpuPer = (processCpuMs(node.child.pid!) - listCpu0) / LISTS;
    const listDbPer = ((await backendCpuMs(adminUrl, appName)) - listDb0) / LISTS;
    report({
      bench: 'api',
      metric: 'list_requests_per_s',
      value: Math.round(list.perSecond),
      unit: '/s',
      storage,
      concurrency: CONCURRENCY,
      rows: CREATES,
      page: 50,
      errors: list.errors,
      target: 2000,
      better: 'higher',
    });
    report({ bench: 'api', metric: 'list_node_cpu_ms', value: round2(listCpuPer), unit: 'ms', storage });
    report({ bench: 'api', metric: 'list_db_cpu_ms', value: round2(listDbPer), unit: 'ms', storage });
    report({ bench: 'api', metric: 'list_requests_p50_ms', value: +list.p50.toFixed(2), unit: 'ms', storage });
    report({ bench: 'api', metric: 'list_requests_p99_ms', value: +list.p99.toFixed(2), unit: 'ms', storage });
    const listPaced = await runPaced(100, PACED_SECONDS, listOnce);
    report({
      bench: 'api',
      metric: 'list_requests_p99_ms_at_100_per_s',
      value: +listPaced.p99.toFixed(2),
      unit: 'ms',
      storage,
      p50: +listPaced.p50.toFixed(2),
      errors: listPaced.errors,
      target: 20,
      better: 'lower',
    });
    await node.stop();
    const restart = await startNodeProcess(['--data-dir', dir], env);
    report({ bench: 'api', metric: 'restart_to_ready_ms', value: Math.round(restart.startMs), storage, rows: CREATES });
    if (storage === 'embedded') {
      // A second process on the same data dir finds the embedded server running: the start of a
      // node "with the database already running".
      const second = await startNodeProcess(['--data-dir', dir], env);
      report({
        bench: 'api',
        metric: 'cold_start_db_running_to_ready_ms',
        value: Math.round(second.startMs),
        unit: 'ms',
        storage,
        target: 1000,
        better: 'lower',
      });
      await second.stop();
    }
    await restart.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (storage === 'postgres') {
      const client = new pg.Client(PG_URL);
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }
}

for (const store of STORES) await benchStore(store);
reportStoreRatios('api');
