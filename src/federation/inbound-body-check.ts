// What a refused inbound body is told about itself: zod's issues cut down to a few short,
// storable lines (path, code, message), and the check for text PostgreSQL cannot store at all.
import type { z } from 'zod';

export type BodyIssue = { path: string; code: string; message: string };

const MAX_ISSUES = 20;
// PostgreSQL refuses both in text and jsonb; an unpaired surrogate cannot even be encoded as UTF-8.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** Peer-chosen text in a detail (a key in a path, an error message) made safe to store and show. */
export function storableText(value: string, max = 200): string {
  return value.replace(UNSTORABLE_ALL, '\uFFFD').slice(0, max);
}

export function bodyIssues(error: z.ZodError): BodyIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((i) => ({
    path: storableText(i.path.map(String).join('.') || '(body)'),
    code: i.code,
    message: storableText(i.message),
  }));
}

/** The first string or key holding a NUL or a lone surrogate (or nesting deeper than any body needs), as an issue; null when the body is storable. */
export function storableIssue(body: unknown): BodyIssue | null {
  const at: string[] = [];
  const found = findUnstorable(body, at, 0);
  if (!found) return null;
  const path = at.map((p) => storableText(p, 64)).join('.') || '(body)';
  return found === 'deep'
    ? { path, code: 'too_deep', message: `nested more than ${MAX_DEPTH} levels` }
    : { path, code: 'unstorable_text', message: 'text holds a NUL character or an unpaired surrogate' };
}

const MAX_DEPTH = 64;

/** Depth-first; `at` is one shared stack (every message is checked on arrival: no copies). */
function findUnstorable(value: unknown, at: string[], depth: number): 'text' | 'deep' | null {
  if (depth > MAX_DEPTH) return 'deep';
  if (typeof value === 'string') return UNSTORABLE.test(value) ? 'text' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      at.push(String(i));
      const hit = findUnstorable(value[i], at, depth + 1);
      if (hit) return hit;
      at.pop();
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      at.push(k);
      const hit = UNSTORABLE.test(k) ? 'text' : findUnstorable(v, at, depth + 1);
      if (hit) return hit;
      at.pop();
    }
  }
  return null;
}
