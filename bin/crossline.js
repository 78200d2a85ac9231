#!/usr/bin/env node
// Entry point of the `crossline` command. Runs the bundled build (dist/server/crossline.mjs, made by
// scripts/build-server.js) when it is newer than every source file under src/, else the TypeScript
// sources through tsx, so an edited source is never shadowed by an older bundle.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'server', 'crossline.mjs');

/** Newest modification time of any file under `dir` (the bundle must be at least as new). */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

let main;
if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestMtime(path.join(root, 'src'))) {
  process.setSourceMapsEnabled(true);
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/index.ts'));
}
process.exitCode = await main(process.argv);
