// `npm run bench:web`: the JavaScript a browser must fetch before the first paint of the web UI —
// the entry script of index.html and every module it preloads (its static imports) — raw and
// gzipped, from a production vite build into a temporary directory (web/dist is left alone). Chunks
// loaded on demand (pages behind React.lazy, charts) are listed separately: they are not paid up front.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { report } from './support.js';

const TARGET_GZIP_KB = 200;

/** The scripts index.html loads before the app can render: its module script and modulepreloads. */
export function firstPaintScripts(indexHtml: string): string[] {
  const out = new Set<string>();
  for (const m of indexHtml.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) out.add(m[1]!);
  for (const m of indexHtml.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) out.add(m[1]!);
  return [...out];
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

const outDir = mkdtempSync(path.join(tmpdir(), 'crossline-bench-web-'));
try {
  execFileSync(
    'npx',
    ['vite', 'build', '--config', 'web/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const first = firstPaintScripts(readFileSync(path.join(outDir, 'index.html'), 'utf8'));
  const size = (file: string) => {
    const bytes = readFileSync(path.join(outDir, file));
    return { raw: bytes.length, gzip: gzipSync(bytes).length };
  };
  const sum = first.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  report({
    bench: 'web',
    metric: 'js_before_first_paint_gzip_kb',
    value: kb(sum.gzip),
    unit: 'KB',
    target: TARGET_GZIP_KB,
    better: 'lower',
    raw_kb: kb(sum.raw),
    files: first.length,
  });
  const onDemand = readdirSync(path.join(outDir, 'assets')).filter(
    (f) => f.endsWith('.js') && !first.includes(`/assets/${f}`),
  );
  const lazy = onDemand.map((f) => ({ f, ...size(`assets/${f}`) })).sort((a, b) => b.gzip - a.gzip);
  report({
    bench: 'web',
    metric: 'js_on_demand_gzip_kb',
    value: kb(lazy.reduce((a, b) => a + b.gzip, 0)),
    unit: 'KB',
    chunks: lazy.length,
    largest: lazy
      .slice(0, 3)
      .map((c) => `${c.f.replace(/-[\w-]{8}\.js$/, '')} ${kb(c.gzip)} KB`)
      .join(', '),
  });
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
