// `npm test`: make sure the services the suite needs are up, type-check, lint, then run every test.
// The last line is always `N passed, N failed[, N skipped]` from the runner's real counts.
import { spawnSync } from 'node:child_process';
import { ensureChromium, ensurePostgres } from './ensure-services.js';

const pg = ensurePostgres();
if (!pg.ok) {
  process.stderr.write(`PostgreSQL is not reachable at 127.0.0.1:5432 and could not be started: ${pg.reason}\n`);
}

const browser = ensureChromium();
if (!browser.ok) process.stderr.write(`Browser tests will fail: ${browser.reason}\n`);

// The bundle `crossline` runs (bin/crossline.js) is rebuilt first: test processes start from it.
const bundle = spawnSync('node', ['scripts/build-server.js'], { stdio: 'inherit' });
if (bundle.status !== 0) {
  process.stdout.write('\nserver build failed\n0 passed, 1 failed\n');
  process.exit(1);
}

const tsc = spawnSync('npx', ['tsc', '--noEmit', '-p', '.'], { stdio: 'inherit' });
const tscWeb = tsc.status === 0 ? spawnSync('npx', ['tsc', '--noEmit', '-p', 'web'], { stdio: 'inherit' }) : tsc;
if (tsc.status !== 0 || tscWeb.status !== 0) {
  process.stdout.write('\ntype check failed\n0 passed, 1 failed\n');
  process.exit(1);
}

// Lint, with the layer rule of docs/architecture.md (eslint.config.js); cached between runs.
const lint = spawnSync('npx', ['eslint', '--cache', '--cache-location', 'node_modules/.cache/eslint/', '.'], {
  stdio: 'inherit',
});
if (lint.status !== 0) {
  process.stdout.write('\nlint failed (npx eslint .)\n0 passed, 1 failed\n');
  process.exit(1);
}

// Formatting (Prettier, .prettierrc.json): the tree is kept formatted; `npm run format` fixes it.
const format = spawnSync('npx', ['prettier', '--check', '--log-level', 'warn', '.'], { stdio: 'inherit' });
if (format.status !== 0) {
  process.stdout.write('\nformatting check failed (npm run format)\n0 passed, 1 failed\n');
  process.exit(1);
}

const args = ['vitest', 'run', '--reporter=default', '--reporter=./test/support/reporter.ts', ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit' });
process.exit(run.status ?? 1);
