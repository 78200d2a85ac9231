// Scores text extraction against the labelled corpus in test/fixtures/extraction/*.jsonl (schema in
// its README.md): precision and recall per observable type and overall, counted on distinct
// (type, value) pairs per snippet, plus the flags an expected indicator must carry and the values
// that must not be found. Shared by `npm run bench:extract-quality` and the floor test.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dedupeIndicators, extractIndicators } from '../../src/intel/extract/index.js';

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../fixtures/extraction');

export type Snippet = {
  id: string;
  lang: 'zh' | 'en';
  genre: 'sms' | 'chat' | 'statement' | 'forum';
  text: string;
  expect: [type: string, value: string, flags?: string[]][];
  absent: [text: string, why: string][];
  defaultCountry?: string;
};

export type Counts = { tp: number; fp: number; fn: number; precision: number; recall: number };
export type Problem = {
  id: string;
  kind: 'missed' | 'unexpected' | 'flag_missing' | 'must_not_find';
  type: string;
  value: string;
  detail?: string;
};
export type QualityReport = {
  snippets: number;
  byType: Record<string, Counts>;
  overall: Counts;
  flags: { expected: number; found: number };
  mustNotFind: { checked: number; violations: number };
  problems: Problem[];
};

export function loadCorpus(): Snippet[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(path.join(CORPUS_DIR, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Snippet),
    );
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function scoreCorpus(snippets: readonly Snippet[]): QualityReport {
  const tally = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (type: string, k: 'tp' | 'fp' | 'fn') => {
    const t = tally.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    t[k]++;
    tally.set(type, t);
  };
  const problems: Problem[] = [];
  let flagsExpected = 0;
  let flagsFound = 0;
  let checked = 0;
  let violations = 0;
  for (const s of snippets) {
    const found = dedupeIndicators(extractIndicators(s.text, { defaultCountry: s.defaultCountry }));
    const key = (type: string, value: string) => `${type}\u0000${value}`;
    const got = new Map(found.map((f) => [key(f.type, f.value), f]));
    const want = new Set(s.expect.map(([type, value]) => key(type, value)));
    for (const [type, value, flags = []] of s.expect) {
      const f = got.get(key(type, value));
      if (!f) {
        bump(type, 'fn');
        problems.push({ id: s.id, kind: 'missed', type, value });
        continue;
      }
      bump(type, 'tp');
      for (const flag of flags) {
        flagsExpected++;
        if (f.flags.includes(flag)) flagsFound++;
        else
          problems.push({
            id: s.id,
            kind: 'flag_missing',
            type,
            value,
            detail: `${flag} (has ${f.flags.join(',') || 'none'})`,
          });
      }
    }
    for (const f of found) {
      if (want.has(key(f.type, f.value))) continue;
      bump(f.type, 'fp');
      problems.push({
        id: s.id,
        kind: 'unexpected',
        type: f.type,
        value: f.value,
        detail: f.spans.map((x) => x.raw).join(' | '),
      });
    }
    for (const [text, why] of s.absent) {
      checked++;
      if (!s.text.includes(text)) throw new Error(`${s.id}: must-not-find value “${text}” is not in the text`);
      // Violated when an indicator was read from (part of) that text, or has it as its value.
      const hit = found.find((f) => f.value === text || f.spans.some((x) => text.includes(x.raw)));
      if (hit) {
        violations++;
        problems.push({ id: s.id, kind: 'must_not_find', type: hit.type, value: hit.value, detail: `${why}: ${text}` });
      }
    }
  }
  const counts = (t: { tp: number; fp: number; fn: number }): Counts => ({
    ...t,
    precision: ratio(t.tp, t.tp + t.fp),
    recall: ratio(t.tp, t.tp + t.fn),
  });
  const byType: Record<string, Counts> = {};
  const all = { tp: 0, fp: 0, fn: 0 };
  for (const [type, t] of [...tally.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    byType[type] = counts(t);
    all.tp += t.tp;
    all.fp += t.fp;
    all.fn += t.fn;
  }
  return {
    snippets: snippets.length,
    byType,
    overall: counts(all),
    flags: { expected: flagsExpected, found: flagsFound },
    mustNotFind: { checked, violations },
    problems,
  };
}
