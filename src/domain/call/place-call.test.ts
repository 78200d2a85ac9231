import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import { placeCall } from './place-call.js';
import { CN, T0, US, callerPoc, newCallInput, peer, system, user } from './test-fixtures.js';
import type { NewCallInput } from './validation.js';
import { validateNewCall } from './validation.js';

const OPTS = { id: 'call-1', reference: 'US-CALL-2025-0001' };

function issueCodes(input: NewCallInput): string[] {
  return validateNewCall(input).map((i) => `${i.path}:${i.code}`);
}

describe('placeCall', () => {
  it('creates a placed call with its clock, version 1 and a placed event', () => {
    const { record, events } = placeCall(newCallInput({ message: '  help  ' }), callerPoc, T0, OPTS);
    expect(record).toMatchObject({
      id: 'call-1',
      reference: 'US-CALL-2025-0001',
      status: 'placed',
      message: 'help',
      placedAt: T0.toISOString(),
      placedBy: 'Agent Smith',
      ackPeriodMs: 15 * 60_000,
      ackDueAt: '2025-06-01T10:15:00.000Z',
      escalationLevel: 0,
      version: 1,
      linkedRequestId: null,
    });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'call.placed',
        at: T0.toISOString(),
        data: expect.objectContaining({ originParty: US, message: 'help' }),
      }),
    ]);
  });

  it('an exercise call at 120× gets 1/120 of the period, and its ladder follows that period', () => {
    const { record } = placeCall(newCallInput(), callerPoc, T0, { ...OPTS, timeScale: 120 });
    expect(record.ackPeriodMs).toBe(7_500); // 15 min / 120
    expect(record.ackDueAt).toBe('2025-06-01T10:00:07.500Z');
    // Never below a second, whatever the scale.
    expect(placeCall(newCallInput(), callerPoc, T0, { ...OPTS, timeScale: 100_000 }).record.ackPeriodMs).toBe(1000);
  });

  it('applies the agreed period', () => {
    const { record } = placeCall(newCallInput({ urgency: 'urgent' }), callerPoc, T0, {
      ...OPTS,
      agreement: { ackMinutes: { urgent: 60 } },
    });
    expect(record.ackDueAt).toBe('2025-06-01T11:00:00.000Z');
  });

  it('normalises empty callback fields to null', () => {
    const input = newCallInput({ callback: { name: 'A', phone: '', email: 'a@b.gov', timeZone: 'UTC' } });
    expect(placeCall(input, callerPoc, T0, OPTS).record.callback).toEqual({
      name: 'A',
      phone: null,
      email: 'a@b.gov',
      timeZone: 'UTC',
    });
  });

  it.each<[string, Actor]>([
    ['a user of the called party', user(CN, ['point_of_contact'])],
    ['an analyst', user(US, ['analyst'])],
    ['a read-only user', user(US, ['read_only'])],
    ['an auditor', user(US, ['auditor'])],
    ['the system', system(US)],
    ['a peer that is not the caller', peer(CN)],
  ])('refuses %s', (_n, actor) => {
    expect(() => placeCall(newCallInput(), actor, T0, OPTS)).toThrow(
      expect.objectContaining({ code: 'CALL_FORBIDDEN' }) as unknown as Error,
    );
  });

  it.each(['investigator', 'supervisor', 'admin'] as const)('lets a caller-side %s place a call', (role) => {
    expect(placeCall(newCallInput(), user(US, [role]), T0, OPTS).record.status).toBe('placed');
  });

  it('throws CALL_VALIDATION_FAILED with the issues', () => {
    try {
      placeCall(newCallInput({ message: '' }), callerPoc, T0, OPTS);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('CALL_VALIDATION_FAILED');
      expect((e as AppError).issues?.[0]).toMatchObject({ path: 'message', code: 'required' });
    }
  });

  it('accepts a peer relay and copies the caller’s clock', () => {
    const relay = { placedBy: 'Agent Smith', placedAt: '2025-06-01T09:59:00.000Z', ackPeriodMs: 600_000 };
    const { record, events } = placeCall(newCallInput(), peer(US), T0, { ...OPTS, relay });
    expect(record).toMatchObject({
      placedAt: relay.placedAt,
      placedBy: 'Agent Smith',
      ackDueAt: '2025-06-01T10:09:00.000Z',
    });
    expect(events[0]).toMatchObject({ at: relay.placedAt, actorLabel: `peer:${US}`, data: { by: 'Agent Smith' } });
  });

  it('refuses a peer relay without or with a broken clock', () => {
    const code = (relay?: { placedBy: string; placedAt: string; ackPeriodMs: number }) => {
      try {
        placeCall(newCallInput(), peer(US), T0, { ...OPTS, relay });
      } catch (e) {
        return (e as AppError).issues?.map((i) => i.path);
      }
      return [];
    };
    expect(code()).toEqual(['relay']);
    expect(code({ placedBy: '', placedAt: 'x', ackPeriodMs: 0 })).toEqual([
      'relay.placedAt',
      'relay.ackPeriodMs',
      'relay.placedBy',
    ]);
  });
});

describe('validateNewCall', () => {
  it('accepts a complete call', () => {
    expect(validateNewCall(newCallInput())).toEqual([]);
  });

  it.each<[string, Partial<NewCallInput>, string]>([
    ['missing caller', { fromParty: '' }, 'fromParty:required'],
    ['missing callee', { toParty: '' }, 'toParty:required'],
    ['calling oneself', { toParty: US }, 'toParty:same_party'],
    ['unknown topic', { topic: 'gossip' as never }, 'topic:invalid_topic'],
    ['unknown urgency', { urgency: 'asap' as never }, 'urgency:invalid_urgency'],
    ['unknown language', { language: 'fr' as never }, 'language:invalid_language'],
    ['empty message', { message: '   ' }, 'message:required'],
    ['message too long', { message: 'x'.repeat(1001) }, 'message:too_long'],
    ['message not text', { message: 42 as never }, 'message:not_text'],
    ['missing callback', { callback: undefined as never }, 'callback:required'],
  ])('flags %s', (_n, over, expected) => {
    expect(issueCodes(newCallInput(over))).toContain(expected);
  });

  it.each<[string, Partial<NewCallInput['callback']>, string]>([
    ['no callback name', { name: '' }, 'callback.name:required'],
    ['neither phone nor e-mail', { phone: null, email: null }, 'callback.phone:contact_required'],
    ['a bad phone', { phone: 'call me' }, 'callback.phone:invalid_phone'],
    ['a bad e-mail', { email: 'smith-at-fbi' }, 'callback.email:invalid_email'],
    ['an unknown zone', { timeZone: 'Mars/Olympus' }, 'callback.timeZone:invalid_time_zone'],
  ])('flags %s', (_n, over, expected) => {
    const input = newCallInput();
    expect(issueCodes({ ...input, callback: { ...input.callback, ...over } })).toEqual([expected]);
  });

  it('every issue is bilingual', () => {
    for (const i of validateNewCall(newCallInput({ message: '', toParty: US }))) {
      expect(i.message.en).not.toBe('');
      expect(i.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
