// `tsx bench/api-ab.bench.ts <current run.mjs> <baseline run.mjs>`: the create-request path of two
// builds side by side in one run — e.g. the two bundles bench/build-baseline.ts makes from one
// snapshot of the sources, with and without a change. Both nodes run at
// the same time on embedded stores of their own; rounds of creates alternate between them, so both
// meet the same neighbours on a shared machine. Prints CPU per create (node process, its PostgreSQL
// backends) and creates/s of each, and the ratios current / baseline — the figures to compare.
// BENCH_AB_OP=list measures `GET /api/requests?limit=50` instead: each node is first given
// BENCH_AB_SEED requests (default 2,000; without profiling), then rounds of lists alternate
// (BENCH_AB_ROUNDS rounds of BENCH_AB_CREATES calls, in either mode).
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
  runLoad,
  startNodeProcess,
  type NodeProcess,
} from './support.js';

const [CURRENT, BASELINE] = process.argv.slice(2);
if (!CURRENT || !BASELINE) throw new Error('usage: tsx bench/api-ab.bench.ts <current run.mjs> <baseline run.mjs>');
const ROUNDS = Number(process.env.BENCH_AB_ROUNDS ?? 6);
const PER_ROUND = Number(process.env.BENCH_AB_CREATES ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PASSWORD = 'bench password 2026';
/** BENCH_AB_PROFILE=dir: a --cpu-prof of each node process, in dir/current and dir/baseline (see bench/profile-summary.ts). */
const PROFILE_DIR = process.env.BENCH_AB_PROFILE;
const OP = process.env.BENCH_AB_OP === 'list' ? 'list' : 'create';
const SEED = Number(process.env.BENCH_AB_SEED ?? 2000);

type Side = {
  label: string;
  dir: string;
  appName: string;
  node: NodeProcess;
  create: () => Promise<boolean>;
  cpu: number;
  db: number;
  seconds: number;
  n: number;
};

async function startSide(label: string, entry: string): Promise<Side> {
  const dir = mkdtempSync(path.join(tmpdir(), `crossline-bench-ab-${label}-`));
  const cli = (...args: string[]) =>
    execFileSync('node', [entry, ...args, '--data-dir', dir], { env: { ...process.env, CROSSLINE_LOG_LEVEL: 'warn' } });
  cli('init', '--node-id', 'cn-bench', '--admin-password', PASSWORD);
  cli('users', 'add', 'bench', '--role', 'investigator', '--password', PASSWORD);
  const appName = `crossline-ab-${process.pid}-${label}`;
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.join(PROFILE_DIR, label)}`] : [];
  const body = JSON.stringify(preservationDraft());
  const signIn = async (url: string) => {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    return { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  };
  if (OP === 'list') {
    // The requests to list, written by a node of its own so a profile of the measured node holds only lists.
    const seeder = await startNodeProcess(['--data-dir', dir], {}, [], entry);
    const seedHeaders = await signIn(seeder.url);
    await runLoad(
      SEED,
      CONCURRENCY,
      async () => (await fetch(`${seeder.url}/api/requests`, { method: 'POST', headers: seedHeaders, body })).ok,
    );
    // What autovacuum does within a minute on a running node: the planner's statistics of the rows just written.
    const admin = new pg.Client(embeddedAdminUrl(dir));
    await admin.connect();
    await admin.query('ANALYZE');
    await admin.end();
    await seeder.stop();
  }
  const node = await startNodeProcess(['--data-dir', dir], { PGAPPNAME: appName }, profile, entry);
  // Both bundles read the same migrations from src/: BENCH_AB_BASELINE_SQL undoes one for the baseline (e.g. DROP INDEX).
  if (label === 'baseline' && process.env.BENCH_AB_BASELINE_SQL) {
    const admin = new pg.Client(embeddedAdminUrl(dir));
    await admin.connect();
    await admin.query(process.env.BENCH_AB_BASELINE_SQL);
    await admin.end();
  }
  const headers = await signIn(node.url);
  const create =
    OP === 'list'
      ? async () => (await fetch(`${node.url}/api/requests?limit=50`, { headers })).status === 200
      : async () => (await fetch(`${node.url}/api/requests`, { method: 'POST', headers, body })).status === 201;
  await runLoad(100, CONCURRENCY, create); // warm-up
  return { label, dir, appName, node, create, cpu: 0, db: 0, seconds: 0, n: 0 };
}

const sides = [await startSide('current', path.resolve(CURRENT)), await startSide('baseline', path.resolve(BASELINE))];
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of round % 2 ? [...sides].reverse() : sides) {
      const admin = embeddedAdminUrl(s.dir);
      const cpu0 = processCpuMs(s.node.child.pid!);
      const db0 = await backendCpuMs(admin, s.appName);
      const load = await runLoad(PER_ROUND, CONCURRENCY, s.create);
      s.cpu += processCpuMs(s.node.child.pid!) - cpu0;
      s.db += (await backendCpuMs(admin, s.appName)) - db0;
      s.seconds += load.seconds;
      s.n += PER_ROUND;
    }
  }
  const r2 = (x: number) => Math.round(x * 100) / 100;
  for (const s of sides) {
    report({
      bench: 'api-ab',
      metric: `${OP}_node_cpu_ms`,
      value: r2(s.cpu / s.n),
      unit: 'ms',
      build: s.label,
      [`${OP}s`]: s.n,
    });
    report({
      bench: 'api-ab',
      metric: `${OP}_db_cpu_ms`,
      value: r2(s.db / s.n),
      unit: 'ms',
      build: s.label,
      [`${OP}s`]: s.n,
    });
    report({
      bench: 'api-ab',
      metric: `${OP}_request_per_s`,
      value: Math.round(s.n / s.seconds),
      unit: '/s',
      build: s.label,
      [`${OP}s`]: s.n,
    });
  }
  const [cur, base] = sides as [Side, Side];
  report({
    bench: 'api-ab',
    metric: 'current_to_baseline',
    value: r2((cur.cpu + cur.db) / (base.cpu + base.db)),
    unit: `× CPU per ${OP}`,
    node_cpu: r2(cur.cpu / base.cpu),
    db_cpu: r2(cur.db / base.db),
    per_s: r2(cur.n / cur.seconds / (base.n / base.seconds)),
  });
} finally {
  for (const s of sides) {
    await s.node.stop();
    rmSync(s.dir, { recursive: true, force: true });
  }
}
