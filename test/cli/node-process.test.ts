// A node as operators run it: `crossline start` in its own process answers /health, /ready and
// /metrics, writes JSON logs, and shuts down cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

describe('crossline start (process)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-proc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves health, readiness, metrics and the OpenAPI document, logs JSON, and exits 0 on SIGTERM', async () => {
    const child = spawn('node', [path.resolve('bin/crossline.js'), 'start', '--data-dir', dir, '--port', '0'], {
      env: { ...process.env, CROSSLINE_LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /node \S+ listening at (http:\/\/[0-9.:]+)/.exec(out);
        if (m) { clearInterval(timer); resolve(m[1]!); }
      }, 50);
      child.once('exit', (code) => { clearInterval(timer); reject(new Error(`exited ${code}: ${out}`)); });
    });
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'pglite' });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('crossline_http_requests_total');
    const doc = await (await fetch(`${url}/api/openapi.json`)).json() as { openapi: string };
    expect(doc.openapi).toBe('3.1.0');
    expect((await fetch(`${url}/api/docs`)).status).toBe(200);

    const logLines = out.split('\n').filter((l) => l.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) expect(() => JSON.parse(line)).not.toThrow();

    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(out).toContain('node stopped');
  });
});
