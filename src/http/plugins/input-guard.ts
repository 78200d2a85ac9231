// Refuses input the database cannot store (NUL characters, unpaired UTF-16 surrogates) before it
// reaches a service, so such a value gets a clear 400 instead of a failed insert.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';

// PostgreSQL rejects both in text and jsonb; an unpaired surrogate cannot be encoded as UTF-8 at all.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findNul(value: unknown, path: string, depth = 0, parsedParams = false): string | null {
  if (depth > 64) return path;
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}[${i}]`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  // Parsed JSON only: a raw body (a Buffer, or the stream of a streamed upload) is the file itself.
  // Query and route parameters come from Fastify's own parser, whose objects have a prototype of
  // their own (neither Object.prototype nor null), so they are walked whatever their prototype.
  if (value && typeof value === 'object' && (parsedParams || isPlainObject(value))) {
    for (const [k, v] of Object.entries(value)) {
      if (UNSTORABLE.test(k)) return `${path}.${k}`;
      const hit = findNul(v, `${path}.${k}`, depth + 1);
      if (hit) return hit;
    }
  }
  return null;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const hit =
      findNul(request.body, 'body') ??
      findNul(request.query, 'query', 0, true) ??
      findNul(request.params, 'params', 0, true);
    if (hit) {
      throw new AppError('INVALID_INPUT', {
        issues: [
          {
            path: hit,
            code: 'nul_character',
            message: {
              en: 'Text must not contain NUL characters or unpaired surrogates.',
              zh: '文本中不能包含空字符（NUL）或不成对的代理字符。',
            },
          },
        ],
      });
    }
  });
}
