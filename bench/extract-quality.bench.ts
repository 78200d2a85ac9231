// `npm run bench:extract-quality`: precision and recall of indicator extraction per type and overall
// on the labelled corpus in test/fixtures/extraction (schema in its README.md), then every miss,
// unexpected find, missing flag and must-not-find violation, one per line.
import { loadCorpus, scoreCorpus } from '../test/support/extraction-quality.js';
import { report } from './support.js';

const corpus = loadCorpus();
const t0 = performance.now();
const r = scoreCorpus(corpus);
const ms = performance.now() - t0;
const pct = (x: number) => Math.round(x * 10000) / 10000;

process.stdout.write(
  `extraction quality on ${r.snippets} snippets (${corpus.filter((s) => s.lang === 'zh').length} zh, ${corpus.filter((s) => s.lang === 'en').length} en), ${ms.toFixed(0)} ms\n\n`,
);
const rows = [...Object.entries(r.byType), ['overall', r.overall] as const];
process.stdout.write(
  `${'type'.padEnd(16)}${'tp'.padStart(5)}${'fp'.padStart(5)}${'fn'.padStart(5)}${'precision'.padStart(11)}${'recall'.padStart(9)}\n`,
);
for (const [type, c] of rows) {
  process.stdout.write(
    `${type.padEnd(16)}${String(c.tp).padStart(5)}${String(c.fp).padStart(5)}${String(c.fn).padStart(5)}${c.precision.toFixed(4).padStart(11)}${c.recall.toFixed(4).padStart(9)}\n`,
  );
}
process.stdout.write(
  `\nflags: ${r.flags.found}/${r.flags.expected} expected flags present; must-not-find: ${r.mustNotFind.violations} violations of ${r.mustNotFind.checked}\n`,
);
if (r.problems.length)
  process.stdout.write(
    `\n${r.problems.map((p) => `${p.kind.padEnd(14)} ${p.id.padEnd(8)} ${p.type} ${p.value}${p.detail ? `  (${p.detail})` : ''}`).join('\n')}\n`,
  );
process.stdout.write('\n');
for (const [type, c] of rows)
  report({
    bench: 'extract-quality',
    metric: 'precision_recall',
    type,
    value: pct(c.precision),
    precision: pct(c.precision),
    recall: pct(c.recall),
    tp: c.tp,
    fp: c.fp,
    fn: c.fn,
  });
