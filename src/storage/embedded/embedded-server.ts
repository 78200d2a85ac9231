// The embedded PostgreSQL server of a data dir, shared by every `crossline` process on that data dir
// (`start`, a second `start`, `backup`, `audit verify` …). The first process starts it; each process
// holds a *lease* — a shared advisory lock on a connection of its own — while it uses the server;
// the process that ends last stops it. "Last" is decided by the server itself: a closing process
// drops its shared lock and then tries the exclusive one, which it gets only when no other process
// holds a lease; it keeps that lock while the server shuts down, so a process arriving meanwhile
// waits, sees the server go and starts it again. A process killed with -9 loses its lease with its
// connection; the server keeps running for the others (or the next one).
import pg from 'pg';
import { AppError } from '../../errors.js';
import { DB_NAME, DB_ROLE, clusterDir, runningServer, serverPassword, type ServerState } from './cluster-files.js';
import { clusterMajor, initialiseCluster, prepareDataDir, startCluster, stopCluster } from './cluster-process.js';
import { pgBinaries, type PgBinaries } from './pg-binaries.js';
import { grantSearchPath, serverAccount, type ServerAccount } from './server-account.js';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Advisory lock key of the lease (shared: using the server; exclusive: stopping it). */
const LEASE_KEY = 7400100;

export type EmbeddedServerOptions = {
  dataDir: string;
  /** Extra server settings for this start (the test suite's cluster turns fsync off). */
  settings?: Record<string, string>;
  /** Told when something worth an operator's attention happened (directories opened for the server's account). */
  warn?: (message: string) => void;
  /** Told of routine facts (a directory of this node's own tree opened for the server's account). */
  info?: (message: string) => void;
};

export type EmbeddedServer = {
  /** Connection URL of the node's database in the server. */
  url: string;
  /** Connection URL of the server's maintenance database (creating and dropping databases). */
  adminUrl: string;
  port: number;
  /** Ends this process's lease and stops the server when no other process holds one. */
  close(): Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Refuses a data dir of an older release (PGlite) with the way to move it. */
export function assertNotPgliteDataDir(dataDir: string): void {
  if (existsSync(path.join(dataDir, 'pglite'))) throw new AppError('STORE_PGLITE_DATA_DIR', { details: { dataDir } });
}

export async function openEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const { dataDir } = options;
  assertNotPgliteDataDir(dataDir);
  try {
    return await acquire(options);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('STORE_EMBEDDED_FAILED', {
      message: {
        en: `The embedded PostgreSQL server in ${clusterDir(dataDir)} could not be started or reached: ${e instanceof Error ? e.message : String(e)}`,
        zh: `无法启动或连接 ${clusterDir(dataDir)} 中的嵌入式 PostgreSQL 服务器：${e instanceof Error ? e.message : String(e)}`,
      },
      details: { dataDir },
      cause: e,
    });
  }
}

function isWithin(dir: string, root: string): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(dir));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

type Prepared = { bins: PgBinaries; account: ServerAccount | null; password: string };

/** Binaries, the server's account, and the server itself, created on first use. */
async function prepare(options: EmbeddedServerOptions): Promise<Prepared> {
  const { dataDir } = options;
  const bins = pgBinaries();
  const account = serverAccount();
  prepareDataDir(dataDir, account);
  if (account) {
    for (const target of [dataDir, bins.postgres]) {
      for (const dir of grantSearchPath(account, target)) {
        // Opening a directory of the project or data tree is expected; one elsewhere (a home
        // directory, a private temp dir) is the operator's business and said louder.
        const own = isWithin(dir, process.cwd()) || isWithin(dir, dataDir);
        (own ? options.info : options.warn)?.(
          `gave the embedded PostgreSQL server's account "${account.name}" search access (o+x) to ${dir} so it can reach ${target}`,
        );
      }
    }
  }
  const password = serverPassword(dataDir);
  await initialiseCluster(dataDir, password, bins, account);
  const major = clusterMajor(dataDir);
  if (major !== bins.major) {
    throw new Error(
      `${clusterDir(dataDir)} was made by PostgreSQL ${major}, this release ships PostgreSQL ${bins.major}: move the node with crossline backup / restore (docs/operations.md)`,
    );
  }
  return { bins, account, password };
}

/** Starts the server unless it runs, and takes this process's lease on it. */
async function connect(
  options: EmbeddedServerOptions,
  p: Prepared,
  timeoutMs = 120_000,
): Promise<{ state: ServerState; lease: pg.Client }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = await startCluster(options.dataDir, p.bins, p.account, options.settings);
    const lease = await takeLease(state, p.password).catch((e: unknown) => {
      if (Date.now() > until) throw e;
      return null; // the server went away meanwhile (another process stopped it): start it again
    });
    if (lease) return { state, lease };
    await waitUntilGone(options.dataDir);
  }
}

async function acquire(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const p = await prepare(options);
  let current = await connect(options, p);
  await ensureDatabase(current.state, p.password);
  let closing = false;
  let recovering: Promise<void> | null = null;

  // The server went away under a running process (killed, or the machine's OOM killer): start it
  // again and take a new lease, so the pool's next connection finds it; committed work was kept by
  // the server's write-ahead log.
  const watch = (lease: pg.Client) => {
    lease.once('end', () => {
      if (closing || lease !== current.lease) return;
      recovering ??= (async () => {
        options.warn?.(`the embedded PostgreSQL server in ${clusterDir(options.dataDir)} went away; starting it again`);
        while (!closing) {
          try {
            current = await connect(options, p, 30_000);
            if (closing) await release(options.dataDir, current.lease, current.state, p.password);
            else watch(current.lease);
            return;
          } catch {
            await sleep(1000);
          }
        }
      })().finally(() => {
        recovering = null;
      });
    });
  };
  watch(current.lease);
  const base = `postgres://${DB_ROLE}:${encodeURIComponent(p.password)}@127.0.0.1:${current.state.port}`;
  return {
    url: `${base}/${DB_NAME}`,
    adminUrl: `${base}/postgres`,
    port: current.state.port,
    close: async () => {
      closing = true;
      await recovering;
      await release(options.dataDir, current.lease, current.state, p.password);
    },
  };
}

function client(state: ServerState, password: string, database = 'postgres'): pg.Client {
  const c = new pg.Client({
    host: '127.0.0.1',
    port: state.port,
    user: DB_ROLE,
    password,
    database,
    application_name: 'crossline lease',
    connectionTimeoutMillis: 10_000,
  });
  // A server shutting down ends this connection; the owner of the lease learns it from its queries.
  c.on('error', () => undefined);
  return c;
}

async function takeLease(state: ServerState, password: string): Promise<pg.Client> {
  const lease = client(state, password);
  try {
    await lease.connect();
    await lease.query('SELECT pg_advisory_lock_shared($1)', [LEASE_KEY]);
    return lease;
  } catch (e) {
    await lease.end().catch(() => undefined);
    throw e;
  }
}

async function ensureDatabase(state: ServerState, password: string): Promise<void> {
  const c = client(state, password);
  await c.connect();
  try {
    const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
    if (found.rowCount === 0) {
      await c.query(`CREATE DATABASE ${DB_NAME}`).catch((e: { code?: string }) => {
        if (e.code !== '42P04' && e.code !== '23505') throw e; // created by another process meanwhile
      });
    }
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function waitUntilGone(dataDir: string): Promise<void> {
  for (let i = 0; i < 1200 && runningServer(dataDir)?.status === 'stopping'; i++) await sleep(50);
}

async function release(dataDir: string, lease: pg.Client, state: ServerState, password: string): Promise<void> {
  await lease.end().catch(() => undefined);
  const c = client(state, password);
  try {
    await c.connect();
    const [row] = (await c.query<{ last: boolean }>('SELECT pg_try_advisory_lock($1) AS last', [LEASE_KEY])).rows;
    if (!row?.last) return; // another process still uses the server
    // Holding the exclusive lock, stop the server: a process arriving now waits on the lock and
    // then starts the server again.
    const current = runningServer(dataDir);
    if (current && current.pid === state.pid) await stopCluster(current);
  } catch {
    // The server is already gone (stopped by another process or killed): nothing to stop.
  } finally {
    await c.end().catch(() => undefined);
  }
}
