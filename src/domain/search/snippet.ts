// Highlighted snippets, computed from the stored text: the window of the text with the most query
// matches, cut into plain-text pieces flagged `hit`. The UI wraps hits in <mark> as elements, so
// no stored text is ever interpreted as HTML.
import { HAN, latinTerm, wordsOf } from './tokenizer.js';
import type { QueryTerm } from './query.js';

export type SnippetPiece = { text: string; hit: boolean };
export type Snippet = { pieces: SnippetPiece[]; cutStart: boolean; cutEnd: boolean };

type Range = { start: number; end: number; term: number };

/** Folds `text` one character at a time, remembering where each folded unit came from. */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = ch.normalize('NFKC').toLowerCase();
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(i);
  return { folded, origin };
}

/** Where the query's terms occur in `text` (offsets into the original text). */
export function findMatches(text: string, terms: readonly QueryTerm[]): Range[] {
  const { folded, origin } = foldWithMap(text);
  const ranges: Range[] = [];
  terms.forEach((t, index) => {
    if (t.isHan) {
      for (let at = folded.indexOf(t.raw); at >= 0; at = folded.indexOf(t.raw, at + t.raw.length)) {
        ranges.push({ start: origin[at]!, end: origin[at + t.raw.length]!, term: index });
      }
    }
  });
  const latin = terms.map((t, index) => ({ t, index })).filter((x) => !x.t.isHan);
  if (latin.length) {
    for (const w of wordsOf(folded)) {
      if (w.isHan || HAN.test(w.text)) continue;
      const lexeme = latinTerm(w.text);
      const hit = latin.find((x) => lexeme !== null && x.t.lexemes.includes(lexeme));
      if (hit) ranges.push({ start: origin[w.start]!, end: origin[w.end]!, term: hit.index });
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop overlaps (a shorter term inside a longer one), keeping the earlier, longer range.
  const out: Range[] = [];
  for (const r of ranges) if (!out.length || r.start >= out[out.length - 1]!.end) out.push(r);
  return out;
}

/** The best `width`-character window of `text` for these terms, split into hit / non-hit pieces. */
export function buildSnippet(text: string, terms: readonly QueryTerm[], width = 160): Snippet {
  const matches = findMatches(text, terms);
  let start = 0;
  if (matches.length) {
    let best = -1;
    for (const m of matches) {
      const from = Math.max(0, m.start - Math.floor(width / 4));
      const inside = matches.filter((x) => x.start >= from && x.end <= from + width);
      const score = new Set(inside.map((x) => x.term)).size * 1000 + inside.length;
      if (score > best) {
        best = score;
        start = from;
      }
    }
  }
  const end = Math.min(text.length, start + width);
  // Do not cut a surrogate pair in two.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start]!)) start--;
  const pieces: SnippetPiece[] = [];
  let at = start;
  for (const m of matches) {
    if (m.start < start || m.end > end) continue;
    if (m.start > at) pieces.push({ text: text.slice(at, m.start), hit: false });
    pieces.push({ text: text.slice(m.start, m.end), hit: true });
    at = m.end;
  }
  if (at < end) pieces.push({ text: text.slice(at, end), hit: false });
  return { pieces, cutStart: start > 0, cutEnd: end < text.length };
}
