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

// A Han run, or a run of letters/digits of other scripts: what the regex
// /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu matches. Classified per code point
// from tables filled on first sight by those regexes (so the result is the regex's by construction),
// not by running the regex over every text: this is the indexing hot path (docs/performance.md,
// "Search indexing (7 Dec)").
const HAN_CHAR = /^\p{Script=Han}$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const OTHER = 1;
const LETTER = 2;
const HAN_CLASS = 3;
/** Class of each BMP code point (0: not classified yet). */
const BMP_CLASS = new Uint8Array(0x10000);
const ASTRAL_CLASS = new Map<number, number>();

function classify(ch: string): number {
  return HAN_CHAR.test(ch) ? HAN_CLASS : WORD_CHAR.test(ch) ? LETTER : OTHER;
}

function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) {
    const known = BMP_CLASS[c]!;
    if (known !== 0) return known;
    const cls = classify(String.fromCharCode(c));
    BMP_CLASS[c] = cls;
    return cls;
  }
  const cp = text.codePointAt(i)!;
  let cls = ASTRAL_CLASS.get(cp);
  if (cls === undefined) {
    cls = classify(String.fromCodePoint(cp));
    // Bounded: text may hold any number of distinct astral code points.
    if (ASTRAL_CLASS.size >= 10_000) ASTRAL_CLASS.clear();
    ASTRAL_CLASS.set(cp, cls);
  }
  return cls;
}

/** UTF-16 length of the code point at `i`. */
const widthAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
};

/** The words and Han runs of already-folded text. */
export function wordsOf(folded: string): Word[] {
  const words: Word[] = [];
  const n = folded.length;
  let i = 0;
  while (i < n) {
    const cls = classAt(folded, i);
    if (cls === OTHER) {
      i += widthAt(folded, i);
      continue;
    }
    const start = i;
    i += widthAt(folded, i);
    while (i < n && classAt(folded, i) === cls) i += widthAt(folded, i);
    words.push({ text: folded.slice(start, i), start, end: i, isHan: cls === HAN_CLASS });
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
  if (!/[\ud800-\udfff]/.test(run)) {
    if (run.length === 1) return [run];
    const out: string[] = [];
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    return out;
  }
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

// Runs of one text are segmented together, joined by a space (always a word boundary), because
// each segmenter call costs more than the words it finds; chunks stay short because iterating the
// segments of a long string gets slower than linear. The segmenter is the costliest step of
// indexing and case files repeat their phrases (names, places, offence types), so recent runs'
// words are remembered, like stems.
const SEGMENT_CHUNK = 200;
const segmentCache = new Map<string, readonly string[]>();
// At most ~5 MB: a run of ≤ 32 characters and its few words take a few hundred bytes.
const SEGMENT_CACHE_MAX = 20_000;
/** Longer runs (whole sentences without punctuation) seldom repeat: not remembered, so the cache stays small. */
const SEGMENT_CACHE_RUN_MAX = 32;

/** Forgets the remembered stems and segmentations (benchmarks measure text never seen before). */
export function forgetTokenizerCaches(): void {
  stemCache.clear();
  segmentCache.clear();
}

/** The segmenter's multi-character words of each Han run, as if each run were segmented alone. */
function segmentRuns(runs: readonly string[]): (readonly string[])[] {
  const out: (readonly string[])[] = [];
  const missing: string[] = [];
  for (const run of runs) {
    const cached = segmentCache.get(run);
    out.push(cached ?? []);
    if (!cached) missing.push(run);
  }
  if (missing.length === 0) return out;
  const found = new Map<string, string[]>();
  let first = 0;
  while (first < missing.length) {
    let last = first;
    let length = missing[first]!.length;
    while (last + 1 < missing.length && length + 1 + missing[last + 1]!.length <= SEGMENT_CHUNK)
      length += 1 + missing[++last]!.length;
    const chunk = last === first ? missing[first]! : missing.slice(first, last + 1).join(' ');
    let run = first;
    let runEnd = missing[first]!.length;
    let words: string[] = [];
    found.set(missing[first]!, words);
    for (const s of segmenter.segment(chunk)) {
      if (!s.isWordLike || s.segment.length < 2) continue;
      while (s.index >= runEnd) {
        runEnd += 1 + missing[++run]!.length;
        words = [];
        found.set(missing[run]!, words);
      }
      words.push(s.segment);
    }
    for (let k = run + 1; k <= last; k++) found.set(missing[k]!, []);
    first = last + 1;
  }
  if (segmentCache.size + found.size > SEGMENT_CACHE_MAX) segmentCache.clear();
  for (const [run, words] of found) if (run.length <= SEGMENT_CACHE_RUN_MAX) segmentCache.set(run, words);
  return runs.map((run, i) => found.get(run) ?? out[i]!);
}

/** Index terms of `text`, in order of appearance (duplicates kept: positions matter for ranking). */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  const words = wordsOf(foldText(text));
  const runs: string[] = [];
  for (const w of words) if (w.isHan && w.text.length > 2) runs.push(w.text);
  const segmented = runs.length ? segmentRuns(runs) : [];
  let run = 0;
  for (const w of words) {
    if (!w.isHan) {
      const t = latinTerm(w.text);
      if (t) terms.push(t);
      continue;
    }
    // The segmenter's multi-character words, then the bigrams of the whole run, which match
    // across the segmenter's word boundaries.
    if (w.text.length > 2) {
      for (const s of segmented[run++]!) terms.push(s);
    } else if (w.text.length === 2) {
      terms.push(w.text);
    }
    for (const b of hanBigrams(w.text)) terms.push(b);
  }
  return terms;
}
