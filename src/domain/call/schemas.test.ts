import { describe, expect, it } from 'vitest';
import {
  ZCallActionSchema,
  ZCallAckAgreementSchema,
  ZCallRecordSchema,
  ZPlaceCallSchema,
  ZShiftLocalInputSchema,
} from './schemas.js';
import { placedCall } from './test-fixtures.js';

describe('call schemas', () => {
  it('parse a place-call body and default missing contact fields to null', () => {
    const body = ZPlaceCallSchema.parse({
      toParty: 'cn',
      topic: 'terrorism',
      urgency: 'urgent',
      message: ' x ',
      language: 'zh',
      callback: { name: 'A', timeZone: 'UTC' },
    });
    expect(body.message).toBe('x');
    expect(body.callback).toEqual({ name: 'A', phone: null, email: null, timeZone: 'UTC' });
    expect(ZPlaceCallSchema.safeParse({ ...body, topic: 'weather' }).success).toBe(false);
  });

  it('parse actions by name and refuse missing payloads', () => {
    expect(ZCallActionSchema.parse({ action: 'answer', answer: 'ok' })).toEqual({ action: 'answer', answer: 'ok' });
    expect(ZCallActionSchema.safeParse({ action: 'answer' }).success).toBe(false);
    expect(ZCallActionSchema.safeParse({ action: 'escalate', level: 3 }).success).toBe(false);
    expect(ZCallActionSchema.safeParse({ action: 'fly' }).success).toBe(false);
  });

  it('accept a stored record and an agreement in whole minutes', () => {
    expect(ZCallRecordSchema.parse(placedCall())).toEqual(placedCall());
    expect(ZCallAckAgreementSchema.safeParse({ ackMinutes: { emergency: 10 } }).success).toBe(true);
    expect(ZCallAckAgreementSchema.safeParse({ ackMinutes: { emergency: 0.5 } }).success).toBe(false);
  });

  it('accept local shift times only in wall-clock form', () => {
    const base = { userId: 'u', role: 'deputy', timeZone: 'UTC', localEnd: '2025-01-01T08:00' };
    expect(ZShiftLocalInputSchema.safeParse({ ...base, localStart: '2025-01-01T00:00' }).success).toBe(true);
    expect(ZShiftLocalInputSchema.safeParse({ ...base, localStart: '2025-01-01T00:00Z' }).success).toBe(false);
  });
});
