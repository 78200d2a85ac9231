// Bundles the node's TypeScript sources into one ES module, dist/server/crossline.mjs (dependencies
// stay in node_modules), so `crossline` starts without compiling ~600 files on every run: about a
// second less per command and per node start. bin/crossline.js uses the bundle only while it is newer
// than every file under src/, and runs the sources through tsx otherwise — never stale code.
// Run by `npm install` (prepare), `npm start` and `npm test`; about half a second.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/index.ts'],
  outfile: 'dist/server/crossline.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
