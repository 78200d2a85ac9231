// Deadline rules: compute the stored clocks on submit, acceptance, renewal, information pauses and agreed overrides.
import { DAY_MS, HOUR_MS, addMs, iso } from '../shared/time.js';
import { getLegalBasis, type PreservationClock } from './legal-bases.js';
import type { ClockOverrideValues, RequestClocks, RequestRecord, Urgency } from './types.js';

/**
 * Generic defaults, used where the legal basis sets no period of its own. A node's config (or a
 * bilateral mechanism's timeliness rules) may replace any of them; agreed overrides beat both.
 */
export type ClockPolicy = {
  ackHours: Record<Urgency, number>;
  responseHours: Record<Urgency, number>;
  /** Preservation must happen fast or the data is gone, so it has its own, shorter response times. */
  preservationResponseHours: Record<Urgency, number>;
  defaultPreservation: PreservationClock;
  renewalReminderDays: number;
};

export const DEFAULT_CLOCK_POLICY: ClockPolicy = {
  ackHours: { routine: 72, urgent: 24, emergency: 1 },
  responseHours: { routine: 30 * 24, urgent: 7 * 24, emergency: 24 },
  preservationResponseHours: { routine: 72, urgent: 24, emergency: 8 },
  defaultPreservation: { days: 90, renewalDays: 90, maxRenewals: null },
  renewalReminderDays: 14,
};

export type ClockPolicyInput = {
  ackHours?: Partial<Record<Urgency, number>>;
  responseHours?: Partial<Record<Urgency, number>>;
  preservationResponseHours?: Partial<Record<Urgency, number>>;
  defaultPreservation?: Partial<PreservationClock>;
  renewalReminderDays?: number;
};

export function resolveClockPolicy(input: ClockPolicyInput = {}): ClockPolicy {
  const d = DEFAULT_CLOCK_POLICY;
  return {
    ackHours: { ...d.ackHours, ...input.ackHours },
    responseHours: { ...d.responseHours, ...input.responseHours },
    preservationResponseHours: { ...d.preservationResponseHours, ...input.preservationResponseHours },
    defaultPreservation: { ...d.defaultPreservation, ...input.defaultPreservation },
    renewalReminderDays: input.renewalReminderDays ?? d.renewalReminderDays,
  };
}

export const EMPTY_CLOCKS: RequestClocks = {
  ackClockStartAt: null,
  ackDueAt: null,
  responseClockStartAt: null,
  responseDueAt: null,
  pausedAt: null,
  preservationStartedAt: null,
  preservationExpiresAt: null,
  renewalCount: 0,
};

type ClockInput = Pick<RequestRecord, 'type' | 'urgency' | 'legalBasis' | 'clockOverrides'>;

/** Response period in hours: the legal basis's own period first, then the type/urgency default. */
export function defaultResponseHours(r: ClockInput, policy: ClockPolicy): number {
  const fromBasis = r.legalBasis ? getLegalBasis(r.legalBasis)?.responseHours?.[r.urgency] : undefined;
  if (fromBasis !== undefined) return fromBasis;
  return (r.type === 'preservation' ? policy.preservationResponseHours : policy.responseHours)[r.urgency];
}

/**
 * Both clocks run from submission, not acknowledgement: the requested party cannot hold its own
 * response clock back by acknowledging late. `timeScale` > 1 (an exercise run faster than real
 * time) divides the periods; agreed overrides are instants and stay as agreed.
 */
export function computeSubmitClocks(
  r: ClockInput,
  submittedAt: Date,
  policy: ClockPolicy,
  timeScale = 1,
): RequestClocks {
  const at = iso(submittedAt);
  const after = (hours: number) => iso(addMs(submittedAt, Math.round((hours * HOUR_MS) / timeScale)));
  return {
    ...EMPTY_CLOCKS,
    ackClockStartAt: at,
    ackDueAt: r.clockOverrides?.ackDueAt ?? after(policy.ackHours[r.urgency]),
    responseClockStartAt: at,
    responseDueAt: r.clockOverrides?.responseDueAt ?? after(defaultResponseHours(r, policy)),
  };
}

/** Preservation period, renewal step and renewal cap: legal basis (or policy default), then agreed overrides. */
export function preservationTerms(r: ClockInput, policy: ClockPolicy): PreservationClock {
  const base = (r.legalBasis ? getLegalBasis(r.legalBasis)?.preservation : undefined) ?? policy.defaultPreservation;
  const o = r.clockOverrides;
  return {
    days: o?.preservationDays ?? base.days,
    renewalDays: o?.renewalDays ?? base.renewalDays,
    maxRenewals: o?.maxRenewals !== undefined ? o.maxRenewals : base.maxRenewals,
  };
}

export function renewalReminderDays(r: Pick<RequestRecord, 'clockOverrides'>, fallbackDays: number): number {
  return r.clockOverrides?.renewalReminderDays ?? fallbackDays;
}

/**
 * Preservation is counted from acceptance: that is when the requested party orders the provider to
 * preserve, and the first moment both sides record. Only preservation requests get this clock.
 */
export function startPreservation(
  r: ClockInput & { clocks: RequestClocks },
  at: Date,
  policy: ClockPolicy,
): RequestClocks {
  if (r.type !== 'preservation') return r.clocks;
  const { days } = preservationTerms(r, policy);
  return {
    ...r.clocks,
    preservationStartedAt: iso(at),
    preservationExpiresAt: iso(addMs(at, days * DAY_MS)),
    renewalCount: 0,
  };
}

export function canRenewPreservation(r: ClockInput & { clocks: RequestClocks }, policy: ClockPolicy): boolean {
  const { maxRenewals } = preservationTerms(r, policy);
  return maxRenewals === null || r.clocks.renewalCount < maxRenewals;
}

/** A renewal extends from the current expiry (not from today), as 2703(f) and the EU order do. */
export function renewPreservationClock(r: ClockInput & { clocks: RequestClocks }, policy: ClockPolicy): RequestClocks {
  const { renewalDays } = preservationTerms(r, policy);
  const expires = r.clocks.preservationExpiresAt;
  if (expires === null) return r.clocks;
  return {
    ...r.clocks,
    preservationExpiresAt: iso(addMs(expires, renewalDays * DAY_MS)),
    renewalCount: r.clocks.renewalCount + 1,
  };
}

/** Stops the ack and response clocks while the requested party waits for information. */
export function pauseClocks(clocks: RequestClocks, at: Date): RequestClocks {
  return clocks.pausedAt ? clocks : { ...clocks, pausedAt: iso(at) };
}

/** Moves the open clocks forward by the time spent waiting; preservation keeps running meanwhile. */
export function resumeClocks(clocks: RequestClocks, at: Date, ackStillOpen: boolean): RequestClocks {
  if (!clocks.pausedAt) return clocks;
  const shift = Math.max(0, at.getTime() - new Date(clocks.pausedAt).getTime());
  const move = (v: string | null) => (v === null ? null : iso(addMs(v, shift)));
  return {
    ...clocks,
    pausedAt: null,
    ...(ackStillOpen ? { ackClockStartAt: move(clocks.ackClockStartAt), ackDueAt: move(clocks.ackDueAt) } : {}),
    responseClockStartAt: move(clocks.responseClockStartAt),
    responseDueAt: move(clocks.responseDueAt),
  };
}

/**
 * Applies values the two parties agreed: absolute ack/response deadlines replace the stored ones;
 * preservation expiry is recomputed as start + period + renewals × renewal period.
 */
export function applyAgreedOverrides(
  r: ClockInput & { clocks: RequestClocks },
  values: ClockOverrideValues,
  policy: ClockPolicy,
): RequestClocks {
  const clocks = { ...r.clocks };
  if (values.ackDueAt !== undefined) clocks.ackDueAt = iso(values.ackDueAt);
  if (values.responseDueAt !== undefined) clocks.responseDueAt = iso(values.responseDueAt);
  if (clocks.preservationStartedAt !== null) {
    const t = preservationTerms(r, policy);
    const days = t.days + clocks.renewalCount * t.renewalDays;
    clocks.preservationExpiresAt = iso(addMs(clocks.preservationStartedAt, days * DAY_MS));
  }
  return clocks;
}
