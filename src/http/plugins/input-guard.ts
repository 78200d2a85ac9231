// Refuses input the database cannot store (NUL characters in text), before it reaches a service,
// so such a value gets a clear 400 instead of a failed insert.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';

function findNul(value: unknown, path: string, depth = 0): string | null {
  if (depth > 64) return path;
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}[${i}]`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return `${path}.${k}`;
      const hit = findNul(v, `${path}.${k}`, depth + 1);
      if (hit) return hit;
    }
  }
  return null;
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const hit = findNul(request.body, 'body') ?? findNul(request.query, 'query') ?? findNul(request.params, 'params');
    if (hit) {
      throw new AppError('INVALID_INPUT', {
        issues: [{ path: hit, code: 'nul_character', message: { en: 'Text must not contain NUL characters.', zh: '文本中不能包含空字符（NUL）。' } }],
      });
    }
  });
}
