// `tsx bench/build-baseline.ts <file>…`: two bundles of the server from one snapshot of src/ — as it
// is now ("current") and with the given source files as committed at git HEAD ("baseline", the
// "before" of a change) — for bench/api-ab.bench.ts. Writes dist/bench-ab/{current,baseline}/
// crossline.mjs with a launcher run.mjs each (inside the repository, so the bundles find
// node_modules; BENCH_AB_OUT=dist/<dir> elsewhere under the repository), and prints the two launchers' paths.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const files = process.argv.slice(2);
if (!files.length) throw new Error('usage: tsx bench/build-baseline.ts src/<file>…');
// BENCH_AB_OUT: another directory, so that two comparisons can be prepared at once.
const root = path.resolve(process.env.BENCH_AB_OUT ?? 'dist/bench-ab');
rmSync(root, { recursive: true, force: true });
const snapshot = path.join(root, 'src-snapshot');
mkdirSync(root, { recursive: true });
cpSync('src', path.join(snapshot, 'src'), { recursive: true });

async function bundle(name: string): Promise<string> {
  const out = path.join(root, name);
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [path.join(snapshot, 'src/cli/index.ts')],
    outfile: path.join(out, 'crossline.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  writeFileSync(
    path.join(out, 'run.mjs'),
    "const { main } = await import('./crossline.mjs');\nprocess.exitCode = await main(process.argv);\n",
  );
  return path.join(out, 'run.mjs');
}

const current = await bundle('current');
for (const file of files) {
  if (!file.startsWith('src/')) throw new Error(`${file}: only files under src/`);
  writeFileSync(path.join(snapshot, file), execFileSync('git', ['show', `HEAD:${file}`]));
}
const baseline = await bundle('baseline');
rmSync(snapshot, { recursive: true, force: true });
process.stdout.write(`${current}\n${baseline}\n`);
