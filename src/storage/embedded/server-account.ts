// The operating-system account the embedded PostgreSQL server runs as. PostgreSQL refuses to run as
// root, so a node started by root runs its server as an unprivileged system account (default
// `crossline`, created on first use, CROSSLINE_EMBEDDED_DB_USER names another) that owns only the
// server's own directory. Any other user runs the server as itself.
import { execFileSync } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';
import path from 'node:path';

export type ServerAccount = { name: string; uid: number; gid: number };

export const DEFAULT_SERVER_ACCOUNT = 'crossline';

/** null when this process is not root (the server then runs as this user). */
export function serverAccount(env: NodeJS.ProcessEnv = process.env): ServerAccount | null {
  if (process.getuid?.() !== 0) return null;
  const name = env.CROSSLINE_EMBEDDED_DB_USER || DEFAULT_SERVER_ACCOUNT;
  return lookupAccount(name) ?? createAccount(name);
}

function lookupAccount(name: string): ServerAccount | null {
  try {
    const uid = Number(
      execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    );
    const gid = Number(
      execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    );
    return Number.isInteger(uid) && Number.isInteger(gid) ? { name, uid, gid } : null;
  } catch {
    return null;
  }
}

function createAccount(name: string): ServerAccount {
  try {
    execFileSync(
      'useradd',
      [
        '--system',
        '--user-group',
        '--no-create-home',
        '--home-dir',
        '/nonexistent',
        '--shell',
        '/usr/sbin/nologin',
        name,
      ],
      { stdio: 'pipe' },
    );
  } catch (e) {
    // Another process may have created it meanwhile.
    const found = lookupAccount(name);
    if (found) return found;
    throw new Error(
      `running as root, the embedded PostgreSQL server needs an unprivileged account, and creating "${name}" failed (${e instanceof Error ? e.message : String(e)}); create one (useradd --system ${name}) or run as another user, or set DATABASE_URL`,
      { cause: e },
    );
  }
  const created = lookupAccount(name);
  if (!created) throw new Error(`the account "${name}" was created but cannot be looked up`);
  return created;
}

/**
 * The server must reach `target` (its data directory, the binaries): every directory above it needs
 * search (x) permission for the account. Where one lacks it, only the search bit for others is
 * added (no read, no write: names inside stay unlisted). Returns the directories changed, so the
 * caller can say so.
 */
export function grantSearchPath(account: ServerAccount, target: string): string[] {
  const changed: string[] = [];
  const dirs: string[] = [];
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    dirs.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const dir of dirs) {
    const st = statSync(dir);
    const searchable =
      (st.mode & 0o001) !== 0 ||
      (st.uid === account.uid && (st.mode & 0o100) !== 0) ||
      (st.gid === account.gid && (st.mode & 0o010) !== 0);
    if (searchable) continue;
    chmodSync(dir, (st.mode & 0o7777) | 0o001);
    changed.push(dir);
  }
  return changed;
}
