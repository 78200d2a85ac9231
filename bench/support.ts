// Shared helpers for benchmarks: spawn a node process, wait for readiness, drive HTTP load, report.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export type Figure = { bench: string; metric: string; value: number; unit?: string; [k: string]: unknown };

const reported: Figure[] = [];

export function report(f: Figure): void {
  reported.push(f);
  process.stdout.write(`${JSON.stringify(f)}\n`);
}

/**
 * For every figure measured on both stores in this run (same metric and shape), the ratio embedded /
 * external: the comparison that holds on a shared, noisy machine, unlike either figure alone.
 */
export function reportStoreRatios(bench: string): void {
  const shape = (f: Figure) => JSON.stringify(Object.entries(f).filter(([k]) => !['value', 'storage', 'note', 'p50', 'samples', 'errors', 'cpu_seconds', 'issued_per_s', 'ratio_to_bound'].includes(k)).sort());
  for (const e of reported.filter((f) => f.bench === bench && f.storage === 'embedded')) {
    const x = reported.find((f) => f.bench === bench && f.storage === 'postgres' && shape(f) === shape(e));
    if (!x || !x.value) continue;
    const { value: _v, storage: _s, note: _n, errors: _e, ...rest } = e;
    process.stdout.write(`${JSON.stringify({ ...rest, metric: `${e.metric}_embedded_to_external`, value: Math.round((e.value / x.value) * 100) / 100, embedded: e.value, external: x.value })}\n`);
  }
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
