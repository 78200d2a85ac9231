// One connection layer over PostgreSQL (a pg.Pool): the node's embedded server or an external one
// (DATABASE_URL). Repositories see only `query` and `transaction`, never which server it is.
import pg from 'pg';
import { AppError } from '../errors.js';
import { openEmbeddedServer } from './embedded/embedded-server.js';

export type Row = Record<string, unknown>;

/** Anything SQL can be sent to: the database itself or an open transaction. */
export type Queryable = {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
};

export type Db = Queryable & {
  /** Whether the node runs its own embedded server or uses an external one (shown by /ready). */
  readonly store: 'embedded' | 'external';
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script (migrations). */
  exec(sql: string): Promise<void>;
  /** A connection of its own, outside the pool, for session state that must live as long as it does (locks). */
  session(): Promise<DbSession>;
  close(): Promise<void>;
};

export type DbSession = Queryable & {
  /** Called once if the connection breaks (the server restarted or went away). */
  onLost(fn: (err: Error) => void): void;
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

export type OpenDbOptions = {
  dataDir: string; databaseUrl?: string; schema?: string; poolSize?: number;
  warn?: (message: string) => void; info?: (message: string) => void;
};

// int8 (counts, sequence numbers) come back as JS numbers; values stay far below 2^53.
const INT8_OID = 20;
pg.types.setTypeParser(INT8_OID, (v) => Number(v));

/**
 * The node's database: PostgreSQL at `databaseUrl`, or else the embedded PostgreSQL server of the
 * data dir, started (and created on first use) by src/storage/embedded/ and stopped again when the
 * last process using it closes.
 */
export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) return openPostgres('external', options.databaseUrl, options.schema, options.poolSize);
  const server = await openEmbeddedServer({ dataDir: options.dataDir, warn: options.warn, info: options.info });
  try {
    return await openPostgres('embedded', server.url, options.schema, options.poolSize, () => server.close());
  } catch (e) {
    await server.close();
    throw e;
  }
}

// SQLSTATE classes and driver errors that mean "the database cannot be reached now", not "this
// statement is wrong": connection exceptions (08), shutdown and start-up (57P01-57P03).
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGES = /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended/i;

/** True for a failure to reach the database (as opposed to an error in the statement). */
export function isDatabaseUnavailable(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown };
  const code = typeof err?.code === 'string' ? err.code : '';
  return code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code)
    || (typeof err?.message === 'string' && UNAVAILABLE_MESSAGES.test(err.message));
}

/** The database is down or restarting: callers get 503 SERVICE_UNAVAILABLE (retry), never a 500. */
function asUnavailable(e: unknown): unknown {
  return isDatabaseUnavailable(e) ? new AppError('SERVICE_UNAVAILABLE', { details: { database: 'unavailable' }, cause: e }) : e;
}

async function openPostgres(
  store: Db['store'], url: string, schema?: string, poolSize = 10, afterClose: () => Promise<void> = async () => undefined,
): Promise<Db> {
  const connection = { connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) };
  const pool = new pg.Pool({ ...connection, max: poolSize });
  // An idle client losing its connection must not crash the node; the next query reconnects.
  pool.on('error', () => undefined);
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  let closing: Promise<void> | undefined;
  const run = async <T extends Row>(c: pg.Pool | pg.PoolClient | pg.Client, sql: string, params?: readonly unknown[]) => {
    try {
      return (await c.query(sql, params as unknown[] | undefined)).rows as T[];
    } catch (e) {
      throw asUnavailable(e);
    }
  };
  const db: Db = {
    store,
    query: (sql, params) => run(pool, sql, params),
    transaction: async (fn) => {
      const client = await pool.connect().catch((e: unknown) => { throw asUnavailable(e); });
      // The connection may break between two statements (the server restarts): the client then
      // emits 'error', which must not crash the process — the next statement fails and rolls back.
      let broken: Error | undefined;
      const onError = (err: Error) => { broken = err; };
      client.on('error', onError);
      try {
        await run(client, 'BEGIN');
        const tx: Queryable = { query: (sql, params) => run(client, sql, params) };
        const hooks = openTransaction(tx, db);
        const result = await fn(tx);
        await run(client, 'COMMIT');
        runHooks(hooks);
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.removeListener('error', onError);
        client.release(broken);
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    session: async () => {
      const client = new pg.Client(connection);
      let lost: ((err: Error) => void) | null = null;
      let ended = false;
      const fail = (err: Error) => {
        if (ended) return;
        ended = true;
        lost?.(err);
      };
      client.on('error', fail);
      client.on('end', () => fail(new Error('connection ended')));
      await client.connect();
      return {
        query: (sql, params) => run(client, sql, params),
        onLost: (fn) => { lost = fn; },
        close: async () => {
          ended = true;
          await client.end().catch(() => undefined);
        },
      };
    },
    close: () => {
      closing ??= pool.end().then(afterClose);
      return closing;
    },
  };
  return db;
}
