// Clock rules: defaults per urgency, type and legal basis; preservation periods and renewals; overrides; pauses.
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../shared/time.js';
import { computeSubmitClocks, preservationTerms, resolveClockPolicy, DEFAULT_CLOCK_POLICY } from './clocks.js';
import { applyRequestAction } from './state-machine.js';
import { at, draft, requested, requester, validContent, walk } from './test-fixtures.js';
import type { RequestContent, RequestRecord, RequestType, Urgency } from './types.js';

const submitted = (c: RequestContent, clockPolicy = {}): RequestRecord =>
  applyRequestAction(draft(c), 'submit', requester, at(0), {}, { clockPolicy }).record;

const hoursAfterSubmit = (r: RequestRecord, which: 'ackDueAt' | 'responseDueAt'): number =>
  (Date.parse(r.clocks[which]!) - Date.parse(r.submittedAt!)) / HOUR_MS;

const content = (type: RequestType, urgency: Urgency, legalBasis?: string): RequestContent => {
  const c = validContent(type);
  return { ...c, urgency, legalBasis: legalBasis ?? c.legalBasis };
};

describe('acknowledgement deadline', () => {
  it.each([
    ['emergency', 1],
    ['urgent', 24],
    ['routine', 72],
  ] as const)('%s: %i h after submission', (urgency, hours) => {
    const r = submitted(content('content_data', urgency, urgency === 'emergency' ? 'coe_p2_art10' : 'cn_us_mlaa'));
    expect(hoursAfterSubmit(r, 'ackDueAt')).toBe(hours);
    expect(r.clocks.ackClockStartAt).toBe(r.submittedAt);
  });

  it('a node (or bilateral mechanism) may configure its own defaults', () => {
    const r = submitted(content('emergency_disclosure', 'emergency'), { ackHours: { emergency: 0.25 } });
    expect(hoursAfterSubmit(r, 'ackDueAt')).toBe(0.25);
  });
});

describe('response deadline', () => {
  it.each([
    ['routine', 30 * 24],
    ['urgent', 7 * 24],
  ] as const)('generic %s data request: %i h', (urgency, hours) => {
    expect(hoursAfterSubmit(submitted(content('content_data', urgency)), 'responseDueAt')).toBe(hours);
  });

  it('generic emergency: 24 h', () => {
    expect(hoursAfterSubmit(submitted(content('emergency_disclosure', 'emergency')), 'responseDueAt')).toBe(24);
  });

  it.each([
    ['routine', 72],
    ['urgent', 24],
    ['emergency', 8],
  ] as const)('preservation %s: %i h, because data is volatile', (urgency, hours) => {
    expect(hoursAfterSubmit(submitted(content('preservation', urgency)), 'responseDueAt')).toBe(hours);
  });

  it.each([
    ['routine', 240],
    ['urgent', 240],
    ['emergency', 8],
  ] as const)('EU production order %s: %i h (10 days; 8 h in an emergency)', (urgency, hours) => {
    const r = submitted(content('content_data', urgency, 'eu_2023_1543_production'));
    expect(hoursAfterSubmit(r, 'responseDueAt')).toBe(hours);
  });

  it('configured generic periods apply where the legal basis has none', () => {
    const r = submitted(content('content_data', 'routine'), { responseHours: { routine: 14 * 24 } });
    expect(hoursAfterSubmit(r, 'responseDueAt')).toBe(14 * 24);
    const eu = submitted(content('content_data', 'routine', 'eu_2023_1543_production'), {
      responseHours: { routine: 14 * 24 },
    });
    expect(hoursAfterSubmit(eu, 'responseDueAt')).toBe(240);
  });

  it('an exercise at 60× divides the periods (its deadlines come at the exercise pace); agreed instants stay', () => {
    const d = draft({ ...validContent('preservation'), urgency: 'urgent' });
    const real = computeSubmitClocks(d, at(0), DEFAULT_CLOCK_POLICY);
    const fast = computeSubmitClocks(d, at(0), DEFAULT_CLOCK_POLICY, 60);
    const after = (iso: string | null) => Date.parse(iso!) - at(0).getTime();
    expect(after(fast.ackDueAt)).toBe(after(real.ackDueAt) / 60);
    expect(after(fast.responseDueAt)).toBe(after(real.responseDueAt) / 60);
    expect(after(fast.ackDueAt)).toBe(24 * 60_000); // 24 h acknowledgement → 24 real minutes
    const agreed = {
      ...d,
      clockOverrides: {
        ackDueAt: '2026-09-02T00:00:00.000Z',
        agreedAt: at(0).toISOString(),
        proposedBy: 'requested' as const,
      },
    };
    expect(computeSubmitClocks(agreed, at(0), DEFAULT_CLOCK_POLICY, 60).ackDueAt).toBe('2026-09-02T00:00:00.000Z');
  });

  it('overrides already agreed replace computed deadlines', () => {
    const d = {
      ...draft(),
      clockOverrides: {
        ackDueAt: '2026-09-02T00:00:00.000Z',
        agreedAt: at(0).toISOString(),
        proposedBy: 'requested' as const,
      },
    };
    const c = computeSubmitClocks(d, at(0), DEFAULT_CLOCK_POLICY);
    expect(c.ackDueAt).toBe('2026-09-02T00:00:00.000Z');
  });
});

describe('preservation period (counted from acceptance)', () => {
  const accepted = (legalBasis: string, clockPolicy = {}): RequestRecord => {
    const r = walk(draft({ ...validContent('preservation'), legalBasis }), ['submit', 'acknowledge']);
    return applyRequestAction(r, 'accept', requested, at(10), {}, { clockPolicy }).record;
  };
  const days = (r: RequestRecord) => (Date.parse(r.clocks.preservationExpiresAt!) - Date.parse(r.acceptedAt!)) / DAY_MS;
  const renew = (r: RequestRecord, minute: number, clockPolicy = {}) =>
    applyRequestAction(r, 'renew_preservation', requester, at(minute), {}, { clockPolicy }).record;

  it('18 U.S.C. 2703(f): 90 days, one renewal of 90', () => {
    const r = accepted('us_2703f');
    expect(r.clocks.preservationStartedAt).toBe(at(10).toISOString());
    expect(days(r)).toBe(90);
    expect(preservationTerms(r, DEFAULT_CLOCK_POLICY)).toEqual({ days: 90, renewalDays: 90, maxRenewals: 1 });
    expect(days(renew(r, 20))).toBe(180);
  });

  it('Budapest Art. 29: 60 days, renewable by further requests', () => {
    const r = accepted('coe_budapest_art29');
    expect(days(r)).toBe(60);
    expect(days(renew(renew(r, 20), 21))).toBe(180);
  });

  it('EU preservation order: 60 days, extendable once by 30', () => {
    const r = accepted('eu_2023_1543_preservation');
    expect(days(r)).toBe(60);
    const once = renew(r, 20);
    expect(days(once)).toBe(90);
    expect(() => renew(once, 21)).toThrow(expect.objectContaining({ code: 'REQUEST_RENEWAL_LIMIT_REACHED' }));
  });

  it('other bases use the configurable default (90 days, no cap)', () => {
    expect(days(accepted('cn_us_mlaa'))).toBe(90);
    expect(days(accepted('cn_us_mlaa', { defaultPreservation: { days: 30 } }))).toBe(30);
  });

  it('non-preservation requests get no preservation clock', () => {
    const r = walk(draft(validContent('content_data')), ['submit', 'acknowledge', 'accept']);
    expect(r.clocks.preservationStartedAt).toBeNull();
    expect(r.clocks.preservationExpiresAt).toBeNull();
  });
});

describe('resolveClockPolicy', () => {
  it('merges partial config over the defaults', () => {
    const p = resolveClockPolicy({
      ackHours: { urgent: 12 },
      renewalReminderDays: 7,
      defaultPreservation: { maxRenewals: 2 },
    });
    expect(p.ackHours).toEqual({ routine: 72, urgent: 12, emergency: 1 });
    expect(p.renewalReminderDays).toBe(7);
    expect(p.defaultPreservation).toEqual({ days: 90, renewalDays: 90, maxRenewals: 2 });
    expect(resolveClockPolicy()).toEqual(DEFAULT_CLOCK_POLICY);
  });
});
