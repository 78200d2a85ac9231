// Moving a node off PGlite (the embedded database of releases before 0.2): `crossline start` on an
// old data dir refuses with a bilingual message that says how to move it, and a backup written by
// that release (test/fixtures/pglite-backup/, see its README) restores with this one into a data dir
// with its own embedded PostgreSQL server: the audit chain verifies, evidence decrypts with its
// custody, the node starts and serves, and a new backup of the moved node restores again.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runningServer } from '../../src/storage/embedded/cluster-files.js';
import { stopCluster } from '../../src/storage/embedded/cluster-process.js';
import { crossline } from '../support/cli.js';

const FIXTURE = path.resolve('test/fixtures/pglite-backup');

describe('moving a node from PGlite', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'crossline-pglite-move-'));
  afterAll(async () => {
    for (const dir of ['moved', 'again']) {
      const server = runningServer(path.join(work, dir));
      if (server) await stopCluster(server);
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('refuses to start on a PGlite data dir, saying how to move it, in both languages', async () => {
    const old = path.join(work, 'old');
    mkdirSync(path.join(old, 'pglite', 'base'), { recursive: true });
    const r = await crossline('start', '--data-dir', old, '--port', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('STORE_PGLITE_DATA_DIR');
    expect(r.stderr).toContain('crossline backup --data-dir');
    expect(r.stderr).toContain('crossline restore node.clbk');
    expect(r.stderr).toContain('旧版 Crossline 的数据库（PGlite）');
    const audit = await crossline('audit', 'verify', '--data-dir', old);
    expect(audit.stderr).toContain('STORE_PGLITE_DATA_DIR');
  }, 60_000);

  it('restores a backup written by the PGlite release into an embedded server, verifies it and serves it', async () => {
    const moved = path.join(work, 'moved');
    mkdirSync(path.join(moved, 'keys'), { recursive: true });
    copyFileSync(path.join(FIXTURE, 'master.key'), path.join(moved, 'keys', 'master.key'));
    const restore = await crossline('restore', path.join(FIXTURE, 'cn-demo.clbk'), '--data-dir', moved);
    expect(restore.code, restore.stderr + restore.stdout).toBe(0);
    expect(restore.stdout).toContain('restored node cn-demo');
    expect(restore.stdout).toMatch(/audit log intact \/ 审计日志完整: \d+ entries/);
    expect(restore.stdout).toContain('master key: opens');

    const audit = await crossline('audit', 'verify', '--data-dir', moved);
    expect(audit.code, audit.stderr).toBe(0);
    expect(audit.stdout).toMatch(/audit log intact: \d+ entries/);

    // The moved node serves its data: sign in, open the case and download the evidence (its custody verifies).
    const { spawn } = await import('node:child_process');
    const child = spawn(
      'node',
      [path.resolve('bin/crossline.js'), 'start', '--data-dir', moved, '--node-id', 'cn-demo', '--port', '0'],
      {
        env: { ...process.env, CROSSLINE_LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /listening at (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`node exited ${code}: ${out}`)));
      });
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'investigator', password: 'crossline-demo-2026' }),
      });
      expect(login.status).toBe(200);
      const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
      const cases = (await (await fetch(`${url}/api/cases`, { headers: auth })).json()) as { items: { id: string }[] };
      expect(cases.items.length).toBeGreaterThan(0);
      let downloaded = 0;
      for (const c of cases.items) {
        const items = (await (await fetch(`${url}/api/cases/${c.id}/evidence`, { headers: auth })).json()) as {
          items: { id: string }[];
        };
        for (const e of items.items) {
          const content = await fetch(`${url}/api/cases/${c.id}/evidence/${e.id}/content`, { headers: auth });
          expect(content.status).toBe(200);
          expect(await content.text()).toContain('安全账户');
          const custody = (await (
            await fetch(`${url}/api/cases/${c.id}/evidence/${e.id}/custody`, { headers: auth })
          ).json()) as { events: { kind: string }[] };
          expect(custody).toMatchObject({ verification: { ok: true, length: 3 } });
          expect(custody.events.map((x) => x.kind)).toEqual(['collected', 'accessed', 'accessed']);
          downloaded++;
        }
      }
      expect(downloaded).toBe(1);

      // A backup of the moved node, taken while it runs, restores again.
      const again = path.join(work, 'again');
      const out = path.join(work, 'moved.clbk');
      const backup = await crossline('backup', '--data-dir', moved, '--node-id', 'cn-demo', '--out', out);
      expect(backup.code, backup.stderr).toBe(0);
      mkdirSync(path.join(again, 'keys'), { recursive: true });
      copyFileSync(path.join(FIXTURE, 'master.key'), path.join(again, 'keys', 'master.key'));
      const second = await crossline('restore', out, '--data-dir', again);
      expect(second.code, second.stderr + second.stdout).toBe(0);
      expect(second.stdout).toContain('master key: opens');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }, 120_000);
});
