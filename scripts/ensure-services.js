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

/** Debian's Chromium and a CJK font for the browser tests; installed with apt when missing (root only). */
export function ensureChromium() {
  const hasFont = spawnSync('dpkg', ['-s', 'fonts-wqy-zenhei'], { stdio: 'ignore' }).status === 0;
  const hasChromium = spawnSync('sh', ['-c', 'command -v chromium'], { stdio: 'ignore' }).status === 0;
  if (hasChromium && hasFont) return { ok: true };
  if (process.getuid?.() !== 0)
    return { ok: false, reason: 'chromium or fonts-wqy-zenhei missing; install them with apt (needs root)' };
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', 'chromium', 'fonts-wqy-zenhei'], { stdio: 'inherit', env });
  return install.status === 0
    ? { ok: true }
    : { ok: false, reason: 'apt-get install chromium fonts-wqy-zenhei failed' };
}
