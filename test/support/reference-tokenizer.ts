// The search tokeniser as it was before the 7 Dec rewrite (docs/performance.md, "Search indexing
// (7 Dec)"): one regex match per word and one Intl.Segmenter call per Han run. Kept as the oracle
// of test/search/tokenizer-equivalence.test.ts and the "before" side of bench/search-index.bench.ts.
import { latinTerm } from '../../src/domain/search/tokenizer.js';

const HAN = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const WORD = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const MAX_POSITION = 16383;
const MAX_LEXEME_BYTES = 2046;

export function referenceWordsOf(folded: string): { text: string; start: number; end: number; isHan: boolean }[] {
  const words = [];
  for (const m of folded.matchAll(WORD)) {
    words.push({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      isHan: HAN.test(m[0][0] ?? '') || HAN.test(m[0]),
    });
  }
  return words;
}

function hanBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

export function referenceIndexTerms(text: string): string[] {
  const terms: string[] = [];
  for (const w of referenceWordsOf(text.normalize('NFKC').toLowerCase())) {
    if (!w.isHan) {
      const t = latinTerm(w.text);
      if (t) terms.push(t);
      continue;
    }
    if (w.text.length > 2) {
      for (const s of segmenter.segment(w.text)) if (s.isWordLike && s.segment.length > 1) terms.push(s.segment);
    } else if (w.text.length === 2) {
      terms.push(w.text);
    }
    terms.push(...hanBigrams(w.text));
  }
  return terms;
}

const quote = (l: string) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

export function referenceBuildTsVector(fields: readonly { text: string; weight: 'A' | 'B' | 'C' | 'D' }[]): string {
  const positions = new Map<string, string[]>();
  let pos = 0;
  for (const field of fields) {
    for (const term of referenceIndexTerms(field.text)) {
      pos = Math.min(pos + 1, MAX_POSITION);
      if (term.length * 4 > MAX_LEXEME_BYTES && Buffer.byteLength(term) > MAX_LEXEME_BYTES) continue;
      const list = positions.get(term);
      if (!list) positions.set(term, [`${pos}${field.weight}`]);
      else if (list.length < 256) list.push(`${pos}${field.weight}`);
    }
  }
  return [...positions].map(([term, ps]) => `${quote(term)}:${ps.join(',')}`).join(' ');
}
