// One connection layer over the embedded database (PGlite) or PostgreSQL (pg): the same SQL
// text and parameters run on both, so repositories never know which one they talk to.
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type Row = Record<string, unknown>;

/** Anything SQL can be sent to: the database itself or an open transaction. */
export type Queryable = {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
};

export type Db = Queryable & {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
};

// What code holding only `tx` may need of its transaction: the database it runs on (for
// per-database caches) and the callbacks to run once it has committed (e.g. wake the delivery
// worker for a new outbox row).
type OpenTransaction = { db: Queryable; commitHooks: (() => void)[] };
const openTransactions = new WeakMap<Queryable, OpenTransaction>();

/** Registers `tx` as a transaction of `db`; returns the hooks to run after its commit. */
function openTransaction(tx: Queryable, db: Queryable): (() => void)[] {
  const entry: OpenTransaction = { db, commitHooks: [] };
  openTransactions.set(tx, entry);
  return entry.commitHooks;
}

/** The database `q` runs on: the Db itself, or the Db of a transaction. */
export function storeOf(q: Queryable): Queryable {
  return openTransactions.get(q)?.db ?? q;
}

/** Runs `fn` after `q`'s transaction commits (never if it rolls back); at once when `q` is not a transaction. */
export function afterCommit(q: Queryable, fn: () => void): void {
  const hooks = openTransactions.get(q)?.commitHooks;
  if (hooks) hooks.push(fn);
  else queueMicrotask(fn);
}

function runHooks(hooks: (() => void)[]): void {
  for (const hook of hooks) {
    try { hook(); } catch { /* a hook is a wake-up hint; its failure must not undo a committed change */ }
  }
}

export type OpenDbOptions = { dataDir: string; databaseUrl?: string; schema?: string; poolSize?: number };

// int8 (counts, sequence numbers) come back as JS numbers on both drivers; values stay far below 2^53.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
pg.types.setTypeParser(INT8_OID, (v) => Number(v));

export async function openDb(options: OpenDbOptions): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.schema, options.poolSize) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string): Promise<Db> {
  const dir = path.join(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const releaseLock = takeDataDirLock(dataDir);
  const lite = await PGlite.create(dir, {
    parsers: { [INT8_OID]: (v: string) => Number(v), [NUMERIC_OID]: (v: string) => Number(v) },
  });
  const query = async <T extends Row>(q: { query: PGlite['query'] }, sql: string, params?: readonly unknown[]) =>
    (await q.query<T>(sql, params as unknown[] | undefined)).rows;
  const db: Db = {
    kind: 'pglite',
    query: (sql, params) => query(lite, sql, params),
    transaction: async (fn) => {
      let hooks: (() => void)[] = [];
      const result = await lite.transaction((tx) => {
        const wrapped: Queryable = { query: (sql, params) => query(tx, sql, params) };
        hooks = openTransaction(wrapped, db);
        return fn(wrapped);
      });
      runHooks(hooks);
      return result;
    },
    exec: async (sql) => {
      await lite.exec(sql);
    },
    close: async () => {
      await lite.close();
      releaseLock();
    },
  };
  return db;
}

/**
 * PGlite is a single-process database: two processes opening one data dir would corrupt it.
 * A pid file refuses the second opener with a clear message; a stale file (dead pid) is taken over.
 */
function takeDataDirLock(dataDir: string): () => void {
  const file = path.join(dataDir, 'pglite.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`the embedded database in ${dataDir} is in use by process ${pid}; stop that node first`);
    }
  }
  writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
    } catch {
      // already gone
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPostgres(url: string, schema?: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection must not crash the node; the next query reconnects.
  pool.on('error', () => undefined);
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const run = async <T extends Row>(c: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) =>
    (await c.query(sql, params as unknown[] | undefined)).rows as T[];
  const db: Db = {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Queryable = { query: (sql, params) => run(client, sql, params) };
        const hooks = openTransaction(tx, db);
        const result = await fn(tx);
        await client.query('COMMIT');
        runHooks(hooks);
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
  return db;
}
