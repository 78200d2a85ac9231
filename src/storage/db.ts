// One connection layer over PostgreSQL (a pg.Pool): the node's embedded server or an external one
// (DATABASE_URL). Repositories see only `query` and `transaction`, never which server it is.
import pg from 'pg';
import { createGroupCommit } from './group-commit.js';
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
  /**
   * Like `transaction`, but the transaction may be shared with calls made at the same moment, each in a
   * savepoint of its own, with one commit for all (group commit, storage/group-commit.ts): for writes
   * that all take the same row locks, which would otherwise commit one after the other. `fn` must not
   * call `groupTransaction` itself (it would wait for the group it is part of).
   */
  groupTransaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
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
type OpenTransaction = { db: Queryable; commitHooks: (() => void)[]; stream?: CorkableStream };
const openTransactions = new WeakMap<Queryable, OpenTransaction>();

/** Registers `tx` as a transaction of `db`; returns the hooks to run after its commit. */
function openTransaction(tx: Queryable, db: Queryable, stream?: CorkableStream): (() => void)[] {
  const entry: OpenTransaction = { db, commitHooks: [], stream };
  openTransactions.set(tx, entry);
  return entry.commitHooks;
}

/**
 * Registers `member` as a part of the open transaction `parent` (a savepoint of a group commit): the
 * same database and socket, commit hooks of its own. Returns those hooks.
 */
function openMemberTransaction(member: Queryable, parent: Queryable): (() => void)[] {
  const entry = openTransactions.get(parent);
  if (!entry) throw new Error('openMemberTransaction: parent is not an open transaction');
  return openTransaction(member, entry.db, entry.stream);
}

/**
 * Sends the statements `steps` starts in one write and awaits them together: statements of one
 * transaction queue on its connection in the order they are started, and in pipeline mode
 * (openPostgres) none waits for the answer to the one before — one round trip for all instead of
 * one each. Only for statements that do not need each other's results. Fails with the first
 * failure in the order started: once a statement has failed, the later ones fail only because the
 * transaction is aborted. (docs/performance.md, "Create, round 3")
 */
export async function sendTogether(tx: Queryable, steps: () => readonly Promise<unknown>[]): Promise<void> {
  const stream = openTransactions.get(tx)?.stream;
  stream?.cork();
  let started: readonly Promise<unknown>[];
  try {
    started = steps();
  } finally {
    stream?.uncork();
  }
  const settled = await Promise.allSettled(started);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
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
    try {
      hook();
    } catch {
      /* a hook is a wake-up hint; its failure must not undo a committed change */
    }
  }
}

export type OpenDbOptions = {
  dataDir: string;
  databaseUrl?: string;
  schema?: string;
  poolSize?: number;
  warn?: (message: string) => void;
  info?: (message: string) => void;
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
const UNAVAILABLE_MESSAGES =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended/i;

/** True for a failure to reach the database (as opposed to an error in the statement). */
export function isDatabaseUnavailable(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown };
  const code = typeof err?.code === 'string' ? err.code : '';
  return (
    code.startsWith('08') ||
    UNAVAILABLE_SQLSTATES.has(code) ||
    UNAVAILABLE_ERRNOS.has(code) ||
    (typeof err?.message === 'string' && UNAVAILABLE_MESSAGES.test(err.message))
  );
}

/** The database is down or restarting: callers get 503 SERVICE_UNAVAILABLE (retry), never a 500. */
function asUnavailable(e: unknown): unknown {
  return isDatabaseUnavailable(e)
    ? new AppError('SERVICE_UNAVAILABLE', { details: { database: 'unavailable' }, cause: e })
    : e;
}

/**
 * Names for the statements the node sends again and again, so each connection parses a statement
 * once and afterwards only binds and executes it (PostgreSQL's extended protocol; pg keeps the
 * per-connection bookkeeping). Only statements with parameters are named — every repeated statement
 * of the node has them, while one-off texts (DDL, statements built with literal values) stay
 * unnamed — and only from their second use. At most PREPARED_LIMIT texts are named per process, so
 * texts that vary (multi-row inserts sized by their batch) cannot grow the servers' memory without
 * bound: beyond the limit a text runs unnamed, as every text did before.
 */
export const PREPARED_LIMIT = 500;
const seenOnce = new Set<string>();
const statementNames = new Map<string, string>();

/** The name `sql` runs under (prepared on each connection at its first use there), or undefined to run it unnamed. */
export function statementName(sql: string, params: readonly unknown[] | undefined): string | undefined {
  if (!params?.length) return undefined;
  const known = statementNames.get(sql);
  if (known || statementNames.size >= PREPARED_LIMIT) return known;
  if (!seenOnce.has(sql)) {
    // Forgetting texts seen once keeps this set small too; a repeated text is seen again soon.
    if (seenOnce.size >= PREPARED_LIMIT * 4) seenOnce.clear();
    seenOnce.add(sql);
    return undefined;
  }
  seenOnce.delete(sql);
  const name = `crossline_${statementNames.size + 1}`;
  statementNames.set(sql, name);
  return name;
}

type CorkableStream = { cork(): void; uncork(): void };
type CorkableClient = { connection?: { stream?: CorkableStream } };

/**
 * Sends BEGIN and a transaction's first statement in one write (the client is in pipeline mode):
 * one round trip less per transaction. Resolves with the statement's rows; fails with BEGIN's error
 * if BEGIN failed, else with the statement's.
 */
async function beginWith<T>(client: pg.PoolClient, begin: () => Promise<unknown>, first: () => Promise<T>): Promise<T> {
  const stream = (client as unknown as CorkableClient).connection?.stream;
  stream?.cork();
  let begun: Promise<unknown>;
  let rows: Promise<T>;
  try {
    // Both calls put their messages on the corked socket before their first await.
    begun = begin();
    rows = first();
  } finally {
    stream?.uncork();
  }
  const [, result] = await Promise.all([begun, rows]);
  return result;
}

async function openPostgres(
  store: Db['store'],
  url: string,
  schema?: string,
  poolSize = 10,
  afterClose: () => Promise<void> = async () => undefined,
): Promise<Db> {
  const connection = { connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) };
  // Pipeline mode: a client sends a statement without waiting for the answer to the one before, so
  // a transaction's BEGIN travels with its first statement (beginWith). Code that awaits each
  // statement, as every caller does, sees no difference.
  const pool = new pg.Pool({ ...connection, max: poolSize, pipeline: true });
  // An idle client losing its connection must not crash the node; the next query reconnects.
  pool.on('error', () => undefined);
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  let closing: Promise<void> | undefined;
  const run = async <T extends Row>(
    c: pg.Pool | pg.PoolClient | pg.Client,
    sql: string,
    params?: readonly unknown[],
  ) => {
    try {
      const name = statementName(sql, params);
      const values = params as unknown[] | undefined;
      return (await (name ? c.query({ name, text: sql, values }) : c.query(sql, values))).rows as T[];
    } catch (e) {
      throw asUnavailable(e);
    }
  };
  const db: Db = {
    store,
    query: (sql, params) => run(pool, sql, params),
    transaction: async (fn) => {
      const client = await pool.connect().catch((e: unknown) => {
        throw asUnavailable(e);
      });
      // The connection may break between two statements (the server restarts): the client then
      // emits 'error', which must not crash the process — the next statement fails and rolls back.
      let broken: Error | undefined;
      const onError = (err: Error) => {
        broken = err;
      };
      client.on('error', onError);
      let begun = false;
      try {
        const tx: Queryable = {
          query: (sql, params) => {
            if (begun) return run(client, sql, params);
            begun = true;
            return beginWith(
              client,
              () => run(client, 'BEGIN'),
              () => run(client, sql, params),
            );
          },
        };
        const hooks = openTransaction(tx, db, (client as unknown as CorkableClient).connection?.stream);
        const result = await fn(tx);
        // A transaction that sent nothing has nothing to commit (and never began).
        if (begun) await run(client, 'COMMIT');
        runHooks(hooks);
        return result;
      } catch (e) {
        if (begun) await client.query('ROLLBACK').catch(() => undefined);
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
        onLost: (fn) => {
          lost = fn;
        },
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
    groupTransaction: (fn) => groupCommit(fn),
  };
  const groupCommit = createGroupCommit((fn) => db.transaction(fn), openMemberTransaction, runHooks);
  return db;
}
