// Turns bilingual text into index terms. Chinese has no spaces, so a run of Han characters is
// indexed twice: as the words Intl.Segmenter finds AND as overlapping character bigrams, so a
// query still matches when the segmenter cuts the record and the query differently
// ("网络诈骗" inside "电信网络诈骗案件"). Latin words are case-folded, stop-word filtered and
// Porter-stemmed. NFKC first folds full-width forms ("ＡＢＣ１２３" = "ABC123").
import { porterStem } from './porter-stemmer.js';
import { ENGLISH_STOP_WORDS } from './stop-words.js';

export const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** NFKC + lower case: full-width/half-width and case differences disappear. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** One word of the folded text with where it sits (offsets into the folded text). */
export type Word = { text: string; start: number; end: number; isHan: boolean };

/** The word-like segments of already-folded text. */
export function wordsOf(folded: string): Word[] {
  const words: Word[] = [];
  for (const s of segmenter.segment(folded)) {
    if (!s.isWordLike) continue;
    words.push({ text: s.segment, start: s.index, end: s.index + s.segment.length, isHan: HAN.test(s.segment) });
  }
  return words;
}

/** The index term of a non-Han word, or null for a stop word. */
export function latinTerm(word: string): string | null {
  if (ENGLISH_STOP_WORDS.has(word)) return null;
  return porterStem(word);
}

/** Overlapping pairs of a Han run; a single character stands for itself. */
export function hanBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Index terms of `text`, in order of appearance (duplicates kept: positions matter for ranking). */
export function indexTerms(text: string): string[] {
  const folded = foldText(text);
  const terms: { at: number; term: string }[] = [];
  for (const w of wordsOf(folded)) {
    // A segment may mix Han with Latin ("qq号"): its Latin parts are words, its Han parts multi-character words.
    let at = w.start;
    for (const part of w.text.split(/(\p{Script=Han}+)/u)) {
      if (part && HAN.test(part)) {
        if ([...part].length > 1) terms.push({ at, term: part });
      } else if (part) {
        const t = latinTerm(part);
        if (t) terms.push({ at, term: t });
      }
      at += part.length;
    }
  }
  // Bigrams run over whole Han runs, across the segmenter's word boundaries.
  for (const run of folded.matchAll(HAN_RUN)) {
    hanBigrams(run[0]).forEach((b, i) => terms.push({ at: run.index + i, term: b }));
  }
  return terms.sort((a, b) => a.at - b.at).map((t) => t.term);
}

