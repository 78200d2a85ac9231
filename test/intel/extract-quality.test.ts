// Extraction quality on the labelled corpus (test/fixtures/extraction): precision and recall per
// type and overall must stay at or above the floors measured when the corpus was built
// (floors.json), no must-not-find text may be read as an indicator, every expected flag is present.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, loadCorpus, scoreCorpus } from '../support/extraction-quality.js';

type Floors = {
  overall: { precision: number; recall: number };
  byType: Record<string, { precision: number; recall: number }>;
  mustNotFindViolations: number;
  minSnippets: number;
};
const floors = JSON.parse(readFileSync(path.join(CORPUS_DIR, 'floors.json'), 'utf8')) as Floors;

describe('extraction quality corpus', () => {
  const corpus = loadCorpus();
  const result = scoreCorpus(corpus);
  const misses = result.problems.map((p) => `${p.id} ${p.kind} ${p.type} ${p.value} ${p.detail ?? ''}`).join('\n');

  it('is large enough, with unique ids, in both languages', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(floors.minSnippets);
    expect(new Set(corpus.map((s) => s.id)).size).toBe(corpus.length);
    expect(corpus.filter((s) => s.lang === 'zh').length).toBeGreaterThan(100);
    expect(corpus.filter((s) => s.lang === 'en').length).toBeGreaterThan(50);
  });

  it('keeps overall precision and recall at the floors', () => {
    expect(result.overall.precision, misses).toBeGreaterThanOrEqual(floors.overall.precision);
    expect(result.overall.recall, misses).toBeGreaterThanOrEqual(floors.overall.recall);
  });

  it.each(Object.entries(floors.byType))('keeps %s at its floors', (type, floor) => {
    const c = result.byType[type];
    expect(c, `no ${type} in the corpus`).toBeDefined();
    expect(c!.precision, misses).toBeGreaterThanOrEqual(floor.precision);
    expect(c!.recall, misses).toBeGreaterThanOrEqual(floor.recall);
  });

  it('reads no must-not-find text as an indicator and sets every expected flag', () => {
    expect(result.mustNotFind.violations, misses).toBeLessThanOrEqual(floors.mustNotFindViolations);
    expect(result.flags.found, misses).toBe(result.flags.expected);
  });
});
