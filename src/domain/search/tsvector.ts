// The tsvector literal of a document: each term with its positions and a weight (A = title,
// B = body), built here from our own tokens so PostgreSQL's parser never re-splits Chinese.
import { indexTerms } from './tokenizer.js';

const MAX_POSITION = 16383; // PostgreSQL's limit for a tsvector position
const MAX_LEXEME_BYTES = 2046;

const quote = (l: string) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** `'fraud':1A,5B '诈骗':2A …` for the given weighted fields, positions running on across fields. */
export function buildTsVector(fields: readonly { text: string; weight: 'A' | 'B' | 'C' | 'D' }[]): string {
  const positions = new Map<string, string[]>();
  let pos = 0;
  for (const field of fields) {
    for (const term of indexTerms(field.text)) {
      pos = Math.min(pos + 1, MAX_POSITION);
      // A UTF-8 character takes at most 4 bytes, so only long terms need measuring.
      if (term.length * 4 > MAX_LEXEME_BYTES && Buffer.byteLength(term) > MAX_LEXEME_BYTES) continue;
      const list = positions.get(term);
      // PostgreSQL keeps at most 256 positions per lexeme.
      if (!list) positions.set(term, [`${pos}${field.weight}`]);
      else if (list.length < 256) list.push(`${pos}${field.weight}`);
    }
  }
  return [...positions].map(([term, ps]) => `${quote(term)}:${ps.join(',')}`).join(' ');
}
