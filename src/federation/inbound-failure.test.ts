import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { fedError } from './crypto/index.js';
import { bodyIssues, storableIssue } from './inbound-body-check.js';
import { classifyHandlerFailure } from './inbound-failure.js';

const pgError = (code: string, message = 'pg error') => Object.assign(new Error(message), { code });

describe('classifyHandlerFailure', () => {
  it('treats an unreachable database, serialization failures, deadlocks and lost races as transient', () => {
    for (const e of [
      new AppError('SERVICE_UNAVAILABLE'),
      new AppError('CONFLICT'),
      new AppError('FED_UNAVAILABLE'),
      pgError('40001'),
      pgError('40P01'),
      pgError('55P03'),
      pgError('57014'),
      pgError('53300'),
      pgError('58030'),
      pgError('08006'),
      pgError('57P01'),
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
    ])
      expect(classifyHandlerFailure(e), String((e as Error).message)).toEqual({ transient: true });
  });

  it("keeps a domain refusal's own code and facts", () => {
    expect(classifyHandlerFailure(new AppError('REQUEST_WRONG_PARTY', { details: { requestId: 'r1' } }))).toEqual({
      transient: false,
      code: 'REQUEST_WRONG_PARTY',
      details: { message: { en: expect.any(String), zh: expect.any(String) }, details: { requestId: 'r1' } },
    });
    expect(classifyHandlerFailure(fedError('FED_KEY_RETIRED', { kid: 'k1' }))).toMatchObject({
      transient: false,
      code: 'FED_KEY_RETIRED',
      details: { details: { kid: 'k1' } },
    });
  });

  it('turns anything else — a TypeError, a statement a retry would repeat — into FED_HANDLER_FAILED', () => {
    expect(classifyHandlerFailure(new TypeError("Cannot read properties of undefined (reading 'ackDueAt')"))).toEqual({
      transient: false,
      code: 'FED_HANDLER_FAILED',
      details: { error: 'TypeError', reason: "Cannot read properties of undefined (reading 'ackDueAt')" },
    });
    expect(classifyHandlerFailure(pgError('23505', 'duplicate key'))).toMatchObject({
      code: 'FED_HANDLER_FAILED',
      details: { sqlstate: '23505' },
    });
    expect(classifyHandlerFailure('thrown string')).toMatchObject({
      code: 'FED_HANDLER_FAILED',
      details: { error: 'Error', reason: 'thrown string' },
    });
    expect(classifyHandlerFailure(new Error('nul \u0000 inside'))).toMatchObject({
      details: { reason: 'nul \uFFFD inside' },
    });
  });
});

describe('inbound body checks', () => {
  it('finds text PostgreSQL cannot store, and nesting no body needs', () => {
    expect(storableIssue({ a: ['ok', { b: 'x\u0000y' }] })).toEqual({
      path: 'a.1.b',
      code: 'unstorable_text',
      message: expect.any(String),
    });
    expect(storableIssue({ ['k\uD800']: 1 })).toMatchObject({ code: 'unstorable_text' });
    let deep: unknown = 'x';
    for (let i = 0; i < 70; i += 1) deep = [deep];
    expect(storableIssue(deep)).toMatchObject({ code: 'too_deep' });
    expect(storableIssue({ fine: ['text', 1, null, { 中文: '内容' }] })).toBeNull();
  });

  it('cuts schema issues down to a few short lines', () => {
    const r = z
      .object({ a: z.string(), list: z.array(z.number()) })
      .safeParse({ list: Array.from({ length: 50 }, () => 'x') });
    const issues = bodyIssues(r.error!);
    expect(issues).toHaveLength(20);
    expect(issues[0]).toEqual({ path: 'a', code: 'invalid_type', message: expect.any(String) });
    expect(issues[1]!.path).toBe('list.0');
  });
});
