// Real node processes for federation tests: `crossline init` + `crossline start` on fixed 127.0.0.1
// ports (a restarted node keeps the address its peers know), admin API access, peering through the
// API with fingerprint confirmation, SIGTERM and kill -9, each node on its own embedded PostgreSQL
// server (as a real node runs) or on a schema of the system PostgreSQL.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { runningServer } from '../../../src/storage/embedded/cluster-files.js';
import { stopCluster } from '../../../src/storage/embedded/cluster-process.js';

const run = promisify(execFile);
export const BIN = path.resolve('bin/crossline.js');
export const ADMIN_PASSWORD = 'federation test admin password';
/** Scrape token of every test node: /metrics is not public (docs/operations.md, "Metrics"). */
export const METRICS_TOKEN = 'federation-test-metrics-token-0123456789';
export const TEST_PG_URL = process.env.CROSSLINE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Fast settings so retries, gaps and checkpoints happen within a test's time. */
export const FAST_FEDERATION = {
  federationRetryBaseMs: 50,
  federationRetryMaxMs: 800,
  federationPollMs: 200,
  federationGapTimeoutSeconds: 2,
  federationHttpTimeoutMs: 5000,
  federationLeaseSeconds: 5,
  federationCheckpointSeconds: 0,
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function crossline(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], {
      env: { ...process.env, CROSSLINE_LOG_LEVEL: 'warn', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

export type NodeSpec = {
  id: string;
  country: string;
  store: 'embedded' | 'postgres';
  /** Address peers use (e.g. a chaos proxy); defaults to the node's own fixed port. */
  publicUrl?: string;
  settings?: Record<string, unknown>;
};

export type TestNode = {
  id: string;
  dataDir: string;
  port: number;
  url: string;
  publicUrl: string;
  store: NodeSpec['store'];
  start(): Promise<void>;
  stop(): Promise<void>;
  kill9(): Promise<void>;
  isUp(): boolean;
  pid(): number | undefined;
  api<T = any>(method: string, urlPath: string, body?: unknown): Promise<{ status: number; body: T }>;
  output(): string;
  cleanup(): Promise<void>;
};

export async function createNode(spec: NodeSpec): Promise<TestNode> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `crossline-fed-${spec.id}-`));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const publicUrl = spec.publicUrl ?? url;
  const schema =
    spec.store === 'postgres'
      ? `fed_${spec.id.replace(/-/g, '_')}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
      : undefined;
  writeFileSync(
    path.join(dataDir, 'crossline.json'),
    JSON.stringify(
      {
        nodeId: spec.id,
        country: spec.country,
        nodeName: { en: `Agency ${spec.id}`, zh: `机构 ${spec.id}` },
        port,
        publicUrl,
        metricsToken: METRICS_TOKEN,
        ...(schema ? { databaseUrl: TEST_PG_URL, databaseSchema: schema } : {}),
        ...FAST_FEDERATION,
        ...spec.settings,
      },
      null,
      2,
    ),
  );
  const init = await crossline(['init', '--data-dir', dataDir, '--admin-password', ADMIN_PASSWORD]);
  if (init.code !== 0) throw new Error(`init ${spec.id} failed: ${init.stderr}`);
  let child: ChildProcess | null = null;
  let log = '';
  let token: string | null = null;

  const node: TestNode = {
    id: spec.id,
    dataDir,
    port,
    url,
    publicUrl,
    store: spec.store,
    isUp: () => child !== null,
    pid: () => child?.pid,
    output: () => log,
    async start() {
      // CROSSLINE_NODE_ARGS: extra node flags for the node processes, e.g. `--cpu-prof` when profiling.
      const extra = process.env.CROSSLINE_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
      const c = spawn('node', [...extra, BIN, 'start', '--data-dir', dataDir], {
        env: { ...process.env, CROSSLINE_LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = c;
      c.stdout!.on('data', (d: Buffer) => {
        log += d.toString();
      });
      c.stderr!.on('data', (d: Buffer) => {
        log += d.toString();
      });
      c.once('exit', () => {
        if (child === c) child = null;
      });
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (child !== c) throw new Error(`node ${spec.id} exited during start:\n${log.slice(-3000)}`);
        const res = await fetch(`${url}/ready`).catch(() => null);
        if (res?.status === 200) break;
        if (Date.now() > deadline) throw new Error(`node ${spec.id} not ready:\n${log.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      const c = child;
      if (!c) return;
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve());
        c.kill('SIGTERM');
      });
    },
    async kill9() {
      const c = child;
      if (!c) return;
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve());
        c.kill('SIGKILL');
      });
    },
    async api(method, urlPath, body) {
      token ??= await login(url);
      const res = await fetch(`${url}${urlPath}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    async cleanup() {
      await node.kill9();
      // A node killed with -9 leaves its embedded server running (as in production): stop it.
      const server = runningServer(dataDir);
      if (server) await stopCluster(server);
      if (schema) {
        const client = new pg.Client({ connectionString: TEST_PG_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
        await client.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return node;
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const body = (await res.json()) as { token?: string };
  if (!body.token) throw new Error(`login failed: ${JSON.stringify(body)}`);
  return body.token;
}

/** x imports y's card from y's public URL, confirming the fingerprint the preview showed. */
export async function peer(x: TestNode, y: TestNode): Promise<void> {
  const preview = await x.api('POST', '/api/federation/peers/preview', { url: y.publicUrl });
  if (preview.status !== 200) throw new Error(`preview ${y.id} on ${x.id}: ${JSON.stringify(preview.body)}`);
  const added = await x.api('POST', '/api/federation/peers', {
    url: y.publicUrl,
    fingerprint: preview.body.fingerprint,
  });
  if (added.status !== 201) throw new Error(`add ${y.id} on ${x.id}: ${JSON.stringify(added.body)}`);
}

export async function peerAll(nodes: readonly TestNode[]): Promise<void> {
  for (const x of nodes) for (const y of nodes) if (x !== y) await peer(x, y);
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`,
      );
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export type PingChannel = {
  channel: string;
  count: number;
  distinctMids: number;
  firstSeq: number | null;
  lastSeq: number | null;
  outOfOrder: number;
};

export async function pingsFrom(node: TestNode, from: string, channel = 'ops'): Promise<PingChannel | null> {
  const r = await node.api<{ channels: PingChannel[] }>('GET', `/api/federation/pings?from=${from}`);
  return r.body.channels.find((c) => c.channel === channel) ?? null;
}

export async function peerHealth(node: TestNode, peerId: string): Promise<any> {
  return (await node.api('GET', `/api/federation/peers/${peerId}/status`)).body;
}

/** Pings x → y, tolerating a node that is down or being killed (returns how many were surely queued). */
export async function ping(x: TestNode, y: string, count: number): Promise<number> {
  try {
    const r = await x.api('POST', `/api/federation/peers/${y}/ping`, { count });
    return r.status === 201 ? count : 0;
  } catch {
    return 0;
  }
}
