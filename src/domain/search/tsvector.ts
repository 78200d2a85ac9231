// The tsvector literal of a document: each term with its positions and a weight (A = title,
// B = body), built here from our own tokens so PostgreSQL's parser never re-splits Chinese.
import { indexTerms } from './tokenizer.js';

const MAX_POSITION = 16383; // PostgreSQL's limit for a tsvector position
const MAX_LEXEME_BYTES = 2046;

// Most lexemes hold neither a quote nor a backslash: test before replacing (this runs for every
// lexeme of every indexed record).
const NEEDS_ESCAPE = /['\\]/;
const quote = (l: string) => (NEEDS_ESCAPE.test(l) ? `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'` : `'${l}'`);

/** `'fraud':1A,5B '诈骗':2A …` for the given weighted fields, positions running on across fields. */
export function buildTsVector(fields: readonly { text: string; weight: 'A' | 'B' | 'C' | 'D' }[]): string {
  // Each lexeme's positions as the literal's text ("1A,5B") and how many it holds.
  const positions = new Map<string, { text: string; count: number }>();
  let pos = 0;
  for (const field of fields) {
    for (const term of indexTerms(field.text)) {
      if (pos < MAX_POSITION) pos += 1;
      // A UTF-8 character takes at most 4 bytes, so only long terms need measuring.
      if (term.length * 4 > MAX_LEXEME_BYTES && Buffer.byteLength(term) > MAX_LEXEME_BYTES) continue;
      const entry = positions.get(term);
      // PostgreSQL keeps at most 256 positions per lexeme.
      if (!entry) positions.set(term, { text: `${pos}${field.weight}`, count: 1 });
      else if (entry.count < 256) {
        entry.text += `,${pos}${field.weight}`;
        entry.count += 1;
      }
    }
  }
  let out = '';
  for (const [term, entry] of positions) out += `${out ? ' ' : ''}${quote(term)}:${entry.text}`;
  return out;
}
