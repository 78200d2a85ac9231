// Creates, starts and stops the embedded PostgreSQL server of one data dir with the packaged
// binaries (initdb, pg_ctl). The server is a process of its own (pg_ctl detaches it from the
// terminal's signals), so it outlives a node process killed with -9 and the next process of the
// data dir finds it running; see embedded-server.ts for who stops it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import {
  CLUSTER_DIR,
  DB_ROLE,
  clusterDir,
  isAlive,
  isInitialised,
  runningServer,
  type ServerState,
} from './cluster-files.js';
import type { PgBinaries } from './pg-binaries.js';
import type { ServerAccount } from './server-account.js';

/** Server settings written at creation; a caller may add its own at start (the test suite's cluster). */
const BASE_SETTINGS: Record<string, string> = {
  listen_addresses: "'127.0.0.1'",
  // TCP only: a socket path under a deep data dir can exceed the 107-byte limit of Unix sockets.
  unix_socket_directories: "''",
  password_encryption: "'scram-sha-256'",
  max_connections: '100',
  logging_collector: 'on',
  log_directory: "'log'",
  log_filename: "'postgresql-%a.log'",
  log_truncate_on_rotation: 'on',
  log_rotation_age: "'1d'",
  log_rotation_size: "'20MB'",
  log_file_mode: '0600',
  log_min_messages: 'warning',
  log_checkpoints: 'off',
  // Durable by default: fsync and synchronous commit stay on (PostgreSQL's defaults).
  fsync: 'on',
  synchronous_commit: 'on',
};

type RunResult = { code: number | null; output: string };

function run(command: string, args: string[], bins: PgBinaries, account: ServerAccount | null): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...bins.env, LC_ALL: 'C', LANG: 'C' },
      ...(account ? { uid: account.uid, gid: account.gid } : {}),
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

function ownBy(target: string, account: ServerAccount | null): void {
  if (account) chownSync(target, account.uid, account.gid);
}

/** A free TCP port on 127.0.0.1 (another process may take it before the server binds: start retries). */
export function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Runs initdb once for the data dir: into a fresh directory that is renamed to `postgres` when
 * complete, so a crash mid-way leaves no half-made server and two processes initialising at once
 * end with one (the loser's copy is removed).
 */
export async function initialiseCluster(
  dataDir: string,
  password: string,
  bins: PgBinaries,
  account: ServerAccount | null,
): Promise<void> {
  if (isInitialised(dataDir)) return;
  const tag = randomBytes(6).toString('hex');
  const work = path.join(dataDir, `.${CLUSTER_DIR}-init-${tag}`);
  const pwfile = path.join(dataDir, `.${CLUSTER_DIR}-init-${tag}.pw`);
  mkdirSync(work, { mode: 0o700 });
  ownBy(work, account);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  ownBy(pwfile, account);
  try {
    const result = await run(
      bins.initdb,
      [
        '-D',
        work,
        '-U',
        DB_ROLE,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // Code-point order and Unicode case rules built into PostgreSQL: the same on every machine,
        // whatever locales the operating system has.
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--locale=C',
        '--no-instructions',
      ],
      bins,
      account,
    );
    if (result.code !== 0) throw new Error(`initdb failed (exit ${result.code}): ${result.output.trim().slice(-2000)}`);
    const conf = path.join(work, 'postgresql.conf');
    const lines = Object.entries(BASE_SETTINGS).map(([k, v]) => `${k} = ${v}`);
    lines.push(`port = ${await freeLocalPort()}`);
    writeFileSync(
      conf,
      `${readFileSync(conf, 'utf8')}\n# Crossline embedded server (see docs/operations.md)\n${lines.join('\n')}\n`,
    );
    try {
      renameSync(work, clusterDir(dataDir));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' && code !== 'ENOTEMPTY') throw e;
    }
  } finally {
    rmSync(pwfile, { force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

function configuredPort(dataDir: string): number | null {
  const text = readFileSync(path.join(clusterDir(dataDir), 'postgresql.conf'), 'utf8');
  const matches = [...text.matchAll(/^\s*port\s*=\s*(\d+)/gm)];
  const last = matches[matches.length - 1];
  return last ? Number(last[1]) : null;
}

function setConfiguredPort(dataDir: string, port: number): void {
  const conf = path.join(clusterDir(dataDir), 'postgresql.conf');
  const text = readFileSync(conf, 'utf8').replace(/^\s*port\s*=\s*\d+.*$/gm, '');
  writeFileSync(conf, `${text.trimEnd()}\nport = ${port}\n`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the server unless one already runs, and returns the running one. Handles the cases a
 * 24/7 node meets: another process starting it at the same moment, its port taken meanwhile,
 * backends of a killed server still exiting, and crash recovery after a kill.
 */
export async function startCluster(
  dataDir: string,
  bins: PgBinaries,
  account: ServerAccount | null,
  settings: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<ServerState> {
  const until = Date.now() + timeoutMs;
  let lastOutput = '';
  for (;;) {
    const running = runningServer(dataDir);
    if (running?.status === 'ready') return running;
    if (running) {
      // Starting (crash recovery) or stopping: wait for either end.
      if (Date.now() > until) break;
      await sleep(100);
      continue;
    }
    if (Date.now() > until) break;
    const dir = clusterDir(dataDir);
    const log = path.join(dir, 'log', 'startup.log');
    mkdirSync(path.dirname(log), { recursive: true, mode: 0o700 });
    ownBy(path.dirname(log), account);
    const options = Object.entries(settings)
      .map(([k, v]) => `-c ${k}=${v}`)
      .join(' ');
    const result = await run(
      bins.pgCtl,
      [
        'start',
        '-D',
        dir,
        '-w',
        '-t',
        String(Math.ceil(timeoutMs / 1000)),
        '-s',
        '-l',
        log,
        ...(options ? ['-o', options] : []),
      ],
      bins,
      account,
    );
    if (result.code === 0) continue; // re-read the lock file for the port and state
    lastOutput = `${result.output}\n${readTail(log)}`;
    if (/could not bind|Address already in use/i.test(lastOutput)) {
      setConfiguredPort(dataDir, await freeLocalPort());
    } else if (/pre-existing shared memory block|lock file .* already exists|another server/i.test(lastOutput)) {
      await sleep(200); // backends of a killed server are exiting, or another process is starting it
    } else {
      break;
    }
  }
  throw new Error(
    `the embedded PostgreSQL server in ${clusterDir(dataDir)} did not start: ${lastOutput.trim().slice(-2000) || 'timed out'}`,
  );
}

function readTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-4000);
  } catch {
    return '';
  }
}

/** Fast shutdown (SIGINT: open sessions are ended, committed work is flushed); waits for the exit. */
export async function stopCluster(state: ServerState, timeoutMs = 60_000): Promise<void> {
  try {
    process.kill(state.pid, 'SIGINT');
  } catch {
    return;
  }
  const until = Date.now() + timeoutMs;
  while (isAlive(state.pid)) {
    if (Date.now() > until) {
      process.kill(state.pid, 'SIGQUIT'); // immediate shutdown; the next start recovers from WAL
      break;
    }
    await sleep(25);
  }
}

/** The data dir's own modes: private to its owner; when the server runs as another account, others may pass through (x) but not list it. */
export function prepareDataDir(dataDir: string, account: ServerAccount | null): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const want = account ? 0o711 : 0o700;
  const mode = statSync(dataDir).mode & 0o777;
  // Never loosen what the operator set beyond traversal; remove group/other write and read.
  if ((mode & 0o077) !== (want & 0o077)) chmodSync(dataDir, (mode & 0o700) | (want & 0o077));
}

export { configuredPort };

/** True when a cluster exists in the data dir but was made for another PostgreSQL major version. */
export function clusterMajor(dataDir: string): number | null {
  const file = path.join(clusterDir(dataDir), 'PG_VERSION');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : null;
}
