// A node as operators run it: `crossline start` in its own process creates and runs its embedded
// PostgreSQL server, answers /health, /ready and /metrics, writes JSON logs, lets the operator's
// commands (audit verify, peers, import stix, report, backup) run next to it on the same data dir,
// keeps every file private, and on SIGTERM shuts down cleanly, its server with it.
import { spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runningServer } from '../../src/storage/embedded/cluster-files.js';
import { goodObjects } from '../../src/intel/stix/test-objects.js';
import { crossline } from '../support/cli.js';

/** Every file and directory under `dir` that its group or others may write to. */
function writableByOthers(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      const st = lstatSync(p);
      if (!st.isSymbolicLink() && (st.mode & 0o022) !== 0) found.push(`${p} ${(st.mode & 0o777).toString(8)}`);
      if (st.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return found;
}

const METRICS_TOKEN = 'node-process-test-metrics-token-0123456789';

describe('crossline start (process)', () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'crossline-proc-'));
  const dir = path.join(parent, 'node');
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('serves health, readiness, metrics and the OpenAPI document, logs JSON, and exits 0 on SIGTERM', async () => {
    expect(
      (await crossline('init', '--data-dir', dir, '--node-id', 'cn-proc', '--admin-password', 'admin password 123'))
        .code,
    ).toBe(0);
    const child = spawn('node', [path.resolve('bin/crossline.js'), 'start', '--data-dir', dir, '--port', '0'], {
      env: { ...process.env, CROSSLINE_LOG_LEVEL: 'info', CROSSLINE_METRICS_TOKEN: METRICS_TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /node \S+ listening at (http:\/\/[0-9.:]+)/.exec(out);
        if (m) {
          clearInterval(timer);
          resolve(m[1]!);
        }
      }, 50);
      child.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`exited ${code}: ${out}`));
      });
    });
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'embedded' });
    expect((await fetch(`${url}/metrics`)).status).toBe(401); // not public
    const metrics = await (
      await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    expect(metrics).toContain('crossline_http_requests_total');
    const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as { openapi: string };
    expect(doc.openapi).toBe('3.1.0');
    expect((await fetch(`${url}/api/docs`)).status).toBe(200);

    // The operator's commands share the running node's embedded server.
    const audit = await crossline('audit', 'verify', '--data-dir', dir);
    expect(audit.code, audit.stderr).toBe(0);
    expect(audit.stdout).toMatch(/audit log intact: \d+ entries/);
    expect((await crossline('peers', 'list', '--data-dir', dir)).code).toBe(0);
    const bundle = path.join(parent, 'bundle.json');
    writeFileSync(
      bundle,
      JSON.stringify({
        type: 'bundle',
        id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
        objects: Object.values(goodObjects()),
      }),
    );
    const imported = await crossline('import', 'stix', bundle, '--data-dir', dir);
    expect(imported.code, imported.stderr).toBe(0);
    rmSync(bundle);
    const report = await crossline(
      'report',
      '--data-dir',
      dir,
      '--period',
      '2026',
      '--format',
      'csv',
      '--out',
      path.join(parent, 'report.csv'),
    );
    expect(report.code, report.stderr).toBe(0);
    const backup = await crossline('backup', '--data-dir', dir, '--out', path.join(parent, 'node.clbk'));
    expect(backup.code, backup.stderr).toBe(0);
    expect((await fetch(`${url}/ready`)).status).toBe(200);

    // Private files: nothing group- or world-writable, the server's own directory 0700.
    expect(writableByOthers(dir)).toEqual([]);
    expect(lstatSync(path.join(dir, 'postgres')).mode & 0o777).toBe(0o700);
    const server = runningServer(dir);
    expect(server?.status).toBe('ready');

    const logLines = out.split('\n').filter((l) => l.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) expect(() => JSON.parse(line)).not.toThrow();

    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(out).toContain('node stopped');
    // The node was the last process using its embedded server: the server stopped with it.
    expect(runningServer(dir)).toBeNull();
  });
});
