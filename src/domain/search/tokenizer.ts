// Turns bilingual text into index terms. Chinese has no spaces, so a run of Han characters is
// indexed twice: as the words Intl.Segmenter finds AND as overlapping character bigrams, so a
// query still matches when the segmenter cuts the record and the query differently
// ("网络诈骗" inside "电信网络诈骗案件"). Latin words are case-folded, stop-word filtered and
// Porter-stemmed. NFKC first folds full-width forms ("ＡＢＣ１２３" = "ABC123").
import { porterStem } from './porter-stemmer.js';
import { ENGLISH_STOP_WORDS } from './stop-words.js';

export const HAN = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** NFKC + lower case: full-width/half-width and case differences disappear. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** One word of the folded text with where it sits (offsets into the folded text); a Han run counts as one. */
export type Word = { text: string; start: number; end: number; isHan: boolean };

// A Han run, or a run of letters/digits of other scripts. A regex, not Intl.Segmenter, for the
// non-Han text: three times faster, and the segmenter adds nothing for space-separated words.
const WORD = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** The words and Han runs of already-folded text. */
export function wordsOf(folded: string): Word[] {
  const words: Word[] = [];
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

// Stemming is the costly step and case files repeat their vocabulary: remember recent results.
const stemCache = new Map<string, string | null>();
const STEM_CACHE_MAX = 50_000;

/** The index term of a non-Han word, or null for a stop word. */
export function latinTerm(word: string): string | null {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const term = ENGLISH_STOP_WORDS.has(word) ? null : porterStem(word);
  if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
  stemCache.set(word, term);
  return term;
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
  const terms: string[] = [];
  for (const w of wordsOf(foldText(text))) {
    if (!w.isHan) {
      const t = latinTerm(w.text);
      if (t) terms.push(t);
      continue;
    }
    // The segmenter's multi-character words, then the bigrams of the whole run, which match
    // across the segmenter's word boundaries.
    if (w.text.length > 2) {
      for (const s of segmenter.segment(w.text)) if (s.isWordLike && s.segment.length > 1) terms.push(s.segment);
    } else if (w.text.length === 2) {
      terms.push(w.text);
    }
    terms.push(...hanBigrams(w.text));
  }
  return terms;
}
