// The 7 Dec tokeniser (per-code-point tables, one segmenter call per chunk of runs) must index
// exactly what the regex-and-segmenter tokeniser it replaced did (test/support/reference-tokenizer.ts):
// a changed token would silently change search results without a re-index.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldText, indexTerms, wordsOf } from '../../src/domain/search/tokenizer.js';
import { buildTsVector } from '../../src/domain/search/tsvector.js';
import { record, rng } from '../../bench/search-corpus.js';
import { referenceBuildTsVector, referenceIndexTerms, referenceWordsOf } from '../support/reference-tokenizer.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Seed-like Chinese/English text: the fixtures' texts, the demo's content, the benchmark corpus. */
function corpus(): string[] {
  const texts: string[] = [];
  const page = readFileSync(path.join(root, 'test/fixtures/seed-page.txt'), 'utf8');
  texts.push(page, ...page.split('\n'));
  const extraction = path.join(root, 'test/fixtures/extraction');
  for (const f of readdirSync(extraction).filter((f) => f.endsWith('.jsonl')))
    for (const line of readFileSync(path.join(extraction, f), 'utf8').split('\n'))
      if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  for (const f of readdirSync(path.join(root, 'src/demo')).filter((f) => f.endsWith('.ts')))
    texts.push(readFileSync(path.join(root, 'src/demo', f), 'utf8'));
  const r = rng(42);
  for (let i = 0; i < 300; i++) {
    const doc = record(i, r);
    texts.push(doc.title, doc.body);
  }
  return texts;
}

/** Random strings over the characters the tokeniser treats differently, edge cases included. */
function fuzz(count: number): string[] {
  const alphabet = [
    ...'电信网络诈骗案件受害人转账账户嫌疑人平台资金杀猪盘虚拟货币泰达币〇々〆㐀豈', // Han (incl. rare blocks)
    ...'ひらがなカタカナー', // kana and the prolonged sound mark, which ICU segments with Han
    ...'abcXYZéÉßİ0129٣', // Latin with case and folding oddities, other digits
    ...'ＡＢＣ１２３ｱｲｳ', // full-width and half-width forms (NFKC)
    ...' \n\t,.;:!?-_\'"\\，。、；：？！“”（）《》【】·…—',
    '𠀀', // astral Han
    '𝐀', // astral letter
    '\ud800', // lone high surrogate
    '\udc00', // lone low surrogate
    '\u0301', // combining mark
    'ﷺ', // NFKC expands it to several letters
  ];
  const r = rng(7);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const n = 1 + Math.floor(r() * 80);
    for (let j = 0; j < n; j++) s += alphabet[Math.floor(r() * alphabet.length)];
    out.push(s);
  }
  // Long Han runs, split into several chunks by the segmenter call.
  out.push('电信网络诈骗'.repeat(100), `${'诈骗案件'.repeat(60)} fraud ${'虚拟货币'.repeat(70)}`);
  out.push(Array.from({ length: 300 }, (_, i) => `洗钱${i}`).join(''));
  return out;
}

describe('tokeniser rewrite (7 Dec) against the tokeniser it replaced', () => {
  const texts = [...corpus(), ...fuzz(3000)];

  it('finds the same words', () => {
    for (const t of texts) {
      const folded = foldText(t);
      expect(wordsOf(folded)).toEqual(referenceWordsOf(folded));
    }
  });

  it('gives the same index terms', () => {
    let terms = 0;
    for (const t of texts) {
      const got = indexTerms(t);
      expect(got).toEqual(referenceIndexTerms(t));
      terms += got.length;
    }
    expect(terms).toBeGreaterThan(10_000); // the corpus is not empty
  });

  it('builds the same tsvector literals', () => {
    for (let i = 0; i + 1 < texts.length; i += 2) {
      const fields = [
        { text: texts[i]!, weight: 'A' as const },
        { text: texts[i + 1]!, weight: 'B' as const },
      ];
      expect(buildTsVector(fields)).toBe(referenceBuildTsVector(fields));
    }
  });
});
