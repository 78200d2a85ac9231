// Starts what the test suite needs when it is missing: the local PostgreSQL server.
import { execSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

function pgReady() {
  return spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432'], { stdio: 'ignore' }).status === 0;
}

export function ensurePostgres() {
  if (pgReady()) return { ok: true };
  try {
    const versions = readdirSync('/etc/postgresql');
    for (const v of versions) {
      execSync(`pg_ctlcluster --skip-systemctl-redirect ${v} main start`, { stdio: 'inherit' });
    }
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  for (let i = 0; i < 30 && !pgReady(); i++) spawnSync('sleep', ['1']);
  return pgReady() ? { ok: true } : { ok: false, reason: 'pg_isready still fails' };
}
