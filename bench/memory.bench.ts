// `npm run bench:memory`: the resident memory (RSS) of a real node process while it is sent large
// bodies it must not hold (security review item 11), with /health's latency meanwhile:
//   - 10 concurrent 35 MB bodies to the public report route (refused before they are read: 413),
//   - 10 concurrent 30 MB bodies to the federation inbox (one read at a time, the rest 503 + Retry-After),
//   - 3 concurrent 95 MB evidence uploads (streamed to disk, sealed on the way: 201).
// Each scenario reports RSS before, at its peak and the growth (target: below +100 MB), and the
// statuses the node answered. Linux only (RSS from /proc/<pid>/status). Not a test: figures vary
// with the machine; run it to compare before and after a change.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { report, startNodeProcess, type NodeProcess } from './support.js';

const PASSWORD = 'bench password 2026';
const MB = 1024 * 1024;
const TARGET_GROWTH_MB = 100;

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Samples RSS and /health latency until stopped. */
function watch(node: NodeProcess): { stop(): Promise<{ peakMb: number; healthMaxMs: number; healthP50Ms: number }> } {
  const pid = node.child.pid!;
  let peak = rssMb(pid);
  let running = true;
  const health: number[] = [];
  const rss = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 10);
  const probe = (async () => {
    while (running) {
      const t0 = performance.now();
      await fetch(`${node.url}/health`).catch(() => undefined);
      health.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      clearInterval(rss);
      await probe;
      health.sort((a, b) => a - b);
      return { peakMb: peak, healthMaxMs: health.at(-1) ?? 0, healthP50Ms: health[Math.floor(health.length / 2)] ?? 0 };
    },
  };
}

/**
 * Sends one body of `size` bytes in 1 MB chunks as fast as the node takes it, stopping as soon as
 * the node answers (a node that refuses early never receives the rest). Resolves with the status.
 */
function send(url: string, headers: Record<string, string>, size: number, chunk: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': String(size) } });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      res.resume();
      res.on('end', () => {
        req.destroy();
        resolve(res.statusCode ?? 0);
      });
    });
    req.on('error', () => {
      if (!answered) resolve(0);
    });
    let sent = 0;
    const pump = () => {
      while (!answered && sent < size) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += part.length;
        if (!req.write(part)) {
          req.once('drain', pump);
          return;
        }
      }
      if (sent >= size) req.end();
    };
    pump();
  });
}

async function scenario(node: NodeProcess, name: string, run: () => Promise<number[]>): Promise<void> {
  await new Promise((r) => setTimeout(r, 1_000));
  const before = rssMb(node.child.pid!);
  const w = watch(node);
  const t0 = performance.now();
  const statuses = await run();
  const seconds = (performance.now() - t0) / 1000;
  const { peakMb, healthMaxMs, healthP50Ms } = await w.stop();
  const counts = Object.fromEntries(
    [...new Set(statuses)].sort().map((s) => [String(s), statuses.filter((x) => x === s).length]),
  );
  const growth = Math.round(peakMb - before);
  report({
    bench: 'memory',
    metric: `${name}_rss_growth_mb`,
    value: growth,
    unit: 'MB',
    rss_before_mb: Math.round(before),
    rss_peak_mb: Math.round(peakMb),
    statuses: counts,
    seconds: +seconds.toFixed(2),
    health_p50_ms: +healthP50Ms.toFixed(1),
    health_max_ms: +healthMaxMs.toFixed(1),
    within_target: growth < TARGET_GROWTH_MB,
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'crossline-bench-memory-'));
const cli = (...args: string[]) =>
  execFileSync('node', ['bin/crossline.js', ...args, '--data-dir', dir], {
    env: { ...process.env, CROSSLINE_LOG_LEVEL: 'warn' },
  });
try {
  cli('init', '--node-id', 'cn-bench', '--admin-password', PASSWORD);
  cli('users', 'add', 'bench', '--role', 'investigator', '--password', PASSWORD);
  const node = await startNodeProcess(['--data-dir', dir]);
  try {
    const login = await fetch(`${node.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const kase = (await (
      await fetch(`${node.url}/api/cases`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ title: { en: 'Memory bench', zh: '内存基准' }, crimeCategories: ['ransomware'] }),
      })
    ).json()) as { id: string };
    const chunk = randomBytes(MB);
    const json = Buffer.alloc(MB, 'a');
    // Warm-up: each path once with a small body, so loading code is not counted as growth.
    await send(`${node.url}/api/public/reports`, { 'content-type': 'application/json' }, 1024, json);
    await send(`${node.url}/federation/v1/inbox`, { 'content-type': 'application/jose' }, 1024, json);
    await send(
      `${node.url}/api/cases/${kase.id}/evidence?filename=warm.bin`,
      { ...auth, 'content-type': 'application/octet-stream' },
      MB,
      chunk,
    );

    await scenario(node, 'public_report_10x35mb', () =>
      Promise.all(
        Array.from({ length: 10 }, () =>
          send(`${node.url}/api/public/reports`, { 'content-type': 'application/json' }, 35 * MB, json),
        ),
      ),
    );
    await scenario(node, 'inbox_10x30mb', () =>
      Promise.all(
        Array.from({ length: 10 }, () =>
          send(`${node.url}/federation/v1/inbox`, { 'content-type': 'application/jose' }, 30 * MB, json),
        ),
      ),
    );
    await scenario(node, 'evidence_3x95mb', () =>
      Promise.all(
        Array.from({ length: 3 }, (_, i) =>
          send(
            `${node.url}/api/cases/${kase.id}/evidence?filename=image-${i}.bin`,
            { ...auth, 'content-type': 'application/octet-stream' },
            95 * MB,
            chunk,
          ),
        ),
      ),
    );
  } finally {
    await node.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
