// Query parsing: whitespace-separated terms are all required; `OR` between two terms makes either
// enough; a leading `-` excludes a term. A Chinese term requires all its character bigrams, which
// the index holds for every Han run whatever the segmenter decided. A word with synonyms
// (synonyms.ts: 电信诈骗 = 网络诈骗 = 电诈 …) is satisfied by any of them.
import { synonymsOf } from './synonyms.js';
import { foldText, hanBigrams, HAN, latinTerm } from './tokenizer.js';

/** One term as the user typed it (folded) and the index terms it stands for (all required). */
export type QueryTerm = { raw: string; lexemes: string[]; isHan: boolean };
/** Alternatives: any one of the terms of a clause is enough. */
export type QueryClause = { anyOf: QueryTerm[] };
export type ParsedQuery = { must: QueryClause[]; not: QueryTerm[] };

const MAX_TERMS = 16;

function termOf(raw: string): QueryTerm[] {
  const out: QueryTerm[] = [];
  // Split mixed tokens ("qq号", "pig-butchering") into Han runs and Latin words.
  for (const part of raw.split(/(\p{Script=Han}+)|[^\p{L}\p{N}]+/u)) {
    if (!part) continue;
    if (HAN.test(part)) out.push({ raw: part, lexemes: hanBigrams(part), isHan: true });
    else {
      const lexeme = latinTerm(part);
      if (lexeme) out.push({ raw: part, lexemes: [lexeme], isHan: false });
    }
  }
  return out;
}

/** One alternative standing for a whole form, even one of several words ("pig butchering": all required). */
function formTerm(form: string): QueryTerm | null {
  const parts = termOf(foldText(form));
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0]!;
  return { raw: form, lexemes: parts.flatMap((p) => p.lexemes), isHan: false };
}

const sameTerm = (a: QueryTerm, b: QueryTerm) => a.lexemes.join(' ') === b.lexemes.join(' ');

/** The alternatives a query word stands for: its synonyms' forms, or itself. */
function alternativesOf(token: string): QueryTerm[] {
  const group = synonymsOf(token);
  if (!group) return termOf(token);
  return group.map(formTerm).filter((t): t is QueryTerm => t !== null);
}

export function parseQuery(input: string): ParsedQuery {
  const tokens = foldText(input)
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_TERMS * 2);
  const must: QueryClause[] = [];
  const not: QueryTerm[] = [];
  let joinNext = false;
  for (const token of tokens) {
    if (token === 'or') {
      joinNext = must.length > 0;
      continue;
    }
    if (token.startsWith('-') && token.length > 1) {
      not.push(...termOf(token.slice(1)));
      continue;
    }
    const synonyms = synonymsOf(token);
    const terms = synonyms ? alternativesOf(token) : termOf(token);
    if (terms.length === 0) continue;
    const last = must[must.length - 1];
    if (joinNext && last) {
      // "a OR b c" → (a | b) & c; a multi-word token on the right joins as one alternative per word.
      last.anyOf.push(...terms.filter((t) => !last.anyOf.some((x) => sameTerm(x, t))));
    } else if (synonyms) {
      must.push({ anyOf: terms });
    } else {
      for (const t of terms) must.push({ anyOf: [t] });
    }
    joinNext = false;
  }
  return { must: must.slice(0, MAX_TERMS), not: not.slice(0, MAX_TERMS) };
}

export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.must.length === 0;
}

/** A tsquery literal (quoted lexemes, so no text of the user is parsed as operators). */
export function toTsQuery(q: ParsedQuery): string {
  const lex = (l: string) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  const term = (t: QueryTerm) => (t.lexemes.length === 1 ? lex(t.lexemes[0]!) : `(${t.lexemes.map(lex).join(' & ')})`);
  const clauses = q.must.map((c) => (c.anyOf.length === 1 ? term(c.anyOf[0]!) : `(${c.anyOf.map(term).join(' | ')})`));
  const nots = q.not.map((t) => `!${term(t)}`);
  return [...clauses, ...nots].join(' & ');
}

/** Every positive term, for highlighting. */
export function highlightTerms(q: ParsedQuery): QueryTerm[] {
  return q.must.flatMap((c) => c.anyOf);
}
