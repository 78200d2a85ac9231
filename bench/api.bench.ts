// `npm run bench:api`: requests/s and p50/p99 latency for creating and listing requests through the
// HTTP API of a real node process, on the node's embedded PostgreSQL server and on an external
// PostgreSQL (DATABASE_URL, the system's), cold-start time to /ready (for the embedded store this
// includes starting its server), and the ratio embedded / external of each figure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { preservationDraft } from '../test/factories.js';
import { report, reportStoreRatios, runLoad, startNodeProcess } from './support.js';

const PG_URL = process.env.CROSSLINE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CREATES = Number(process.env.BENCH_CREATES ?? 2000);
const LISTS = Number(process.env.BENCH_LISTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PASSWORD = 'bench password 2026';

async function benchStore(storage: 'embedded' | 'postgres'): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-bench-'));
  const schema = `bench_${Date.now().toString(36)}`;
  const env: Record<string, string> = storage === 'postgres' ? { DATABASE_URL: PG_URL, CROSSLINE_DATABASE_SCHEMA: schema } : {};
  const cli = (...args: string[]) => execFileSync('node', ['bin/crossline.js', ...args, '--data-dir', dir], { env: { ...process.env, ...env, CROSSLINE_LOG_LEVEL: 'warn' } });
  try {
    cli('init', '--node-id', 'cn-bench', '--admin-password', PASSWORD);
    cli('users', 'add', 'bench', '--role', 'investigator', '--password', PASSWORD);
    const node = await startNodeProcess(['--data-dir', dir], env);
    report({ bench: 'api', metric: 'cold_start_to_ready_ms', value: Math.round(node.startMs), storage });
    const login = await fetch(`${node.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const body = JSON.stringify(preservationDraft());
    const create = await runLoad(CREATES, CONCURRENCY, async () => (await fetch(`${node.url}/api/requests`, { method: 'POST', headers, body })).status === 201);
    report({ bench: 'api', metric: 'create_request_per_s', value: Math.round(create.perSecond), storage, concurrency: CONCURRENCY, errors: create.errors });
    report({ bench: 'api', metric: 'create_request_p50_ms', value: +create.p50.toFixed(2), storage });
    report({ bench: 'api', metric: 'create_request_p99_ms', value: +create.p99.toFixed(2), storage });
    const list = await runLoad(LISTS, CONCURRENCY, async () => (await fetch(`${node.url}/api/requests?limit=50`, { headers })).status === 200);
    report({ bench: 'api', metric: 'list_requests_per_s', value: Math.round(list.perSecond), storage, concurrency: CONCURRENCY, rows: CREATES, page: 50, errors: list.errors });
    report({ bench: 'api', metric: 'list_requests_p50_ms', value: +list.p50.toFixed(2), storage });
    report({ bench: 'api', metric: 'list_requests_p99_ms', value: +list.p99.toFixed(2), storage });
    await node.stop();
    const restart = await startNodeProcess(['--data-dir', dir], env);
    report({ bench: 'api', metric: 'restart_to_ready_ms', value: Math.round(restart.startMs), storage, rows: CREATES });
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

await benchStore('embedded');
await benchStore('postgres');
reportStoreRatios('api');
