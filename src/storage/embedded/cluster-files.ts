// Where the embedded PostgreSQL server of a data dir keeps its things, and what its lock file says.
// The server's data directory is `<data-dir>/postgres` (mode 0700, owned by the server's account);
// its password lives beside the node's other secrets in `<data-dir>/keys/`.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';

export const CLUSTER_DIR = 'postgres';
export const PASSWORD_FILE = 'keys/embedded-db.password';
/** The database role and the database the node uses inside its embedded server. */
export const DB_ROLE = 'crossline';
export const DB_NAME = 'crossline';

export function clusterDir(dataDir: string): string {
  return path.join(dataDir, CLUSTER_DIR);
}

export function isInitialised(dataDir: string): boolean {
  return existsSync(path.join(clusterDir(dataDir), 'PG_VERSION'));
}

/** What `postmaster.pid` says about a server: its process, port and state. */
export type ServerState = { pid: number; port: number; status: string };

/**
 * Parses postmaster.pid: line 1 the postmaster's pid, line 4 its port, line 8 its status
 * (`starting`, `ready`, `stopping`) — the layout PostgreSQL documents for pg_ctl.
 */
export function parsePostmasterPid(text: string): ServerState | null {
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  return { pid, port, status: (lines[7] ?? '').trim() };
}

/** The running server of this data dir, or null when none runs (no lock file, or its process is gone). */
export function runningServer(dataDir: string): ServerState | null {
  let text: string;
  try {
    text = readFileSync(path.join(clusterDir(dataDir), 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const state = parsePostmasterPid(text);
  return state && isAlive(state.pid) ? state : null;
}

/** True while `pid` runs; an exited process its parent has not reaped yet (a zombie) counts as gone. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    // Linux: the state letter follows the parenthesised command name in /proc/<pid>/stat.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
}

/**
 * The server's password: read, or created once (exclusive create, so two processes starting
 * together agree on one). Random, never shown; the server listens on 127.0.0.1 only.
 */
export function serverPassword(dataDir: string): string {
  const file = path.join(dataDir, PASSWORD_FILE);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeSync(fd, randomBytes(24).toString('base64url'));
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  for (let i = 0; i < 50; i++) {
    const value = readFileSync(file, 'utf8').trim();
    if (value) return value;
    // Created an instant ago by another process that is still writing it.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  throw new Error(`${file} is empty`);
}
