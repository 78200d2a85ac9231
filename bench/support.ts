// Shared helpers for benchmarks: spawn a node process, wait for readiness, drive HTTP load, report.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export type Figure = { bench: string; metric: string; value: number; unit?: string; [k: string]: unknown };

export function report(f: Figure): void {
  process.stdout.write(`${JSON.stringify(f)}\n`);
}

export type NodeProcess = { url: string; child: ChildProcess; startMs: number; stop(): Promise<void> };

/** Starts `crossline start` and resolves when /ready answers 200; `startMs` is spawn → ready. */
export async function startNodeProcess(args: string[], env: Record<string, string> = {}): Promise<NodeProcess> {
  const t0 = performance.now();
  const child = spawn('node', [path.resolve('bin/crossline.js'), 'start', '--port', '0', ...args], {
    env: { ...process.env, CROSSLINE_LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening at (http:\/\/[0-9.:]+)/.exec(out);
      if (m) { clearInterval(timer); resolve(m[1]!); }
    }, 2);
    child.once('exit', (code) => { clearInterval(timer); reject(new Error(`node exited ${code}: ${out}`)); });
  });
  for (;;) {
    const res = await fetch(`${url}/ready`).catch(() => null);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const startMs = performance.now() - t0;
  return {
    url, child, startMs,
    stop: () => new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }),
  };
}

export type LoadResult = { count: number; errors: number; seconds: number; perSecond: number; p50: number; p99: number };

/** Runs `op` with `concurrency` workers until `total` calls are done; latencies in ms. */
export async function runLoad(total: number, concurrency: number, op: (i: number) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const s = performance.now();
      const ok = await op(i).catch(() => false);
      latencies.push(performance.now() - s);
      if (!ok) errors += 1;
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { count: total, errors, seconds, perSecond: total / seconds, p50: pct(0.5), p99: pct(0.99) };
}
