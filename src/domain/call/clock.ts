// Acknowledgement clock and escalation ladder of a hotline call; pure, so a restarted worker
// recomputes the same answer from the stored record and the current time.
import { MINUTE_MS, addMs, iso } from '../shared/time.js';
import type { CallUrgency, EscalationLevel, EscalationRole } from './topics.js';
import { MAX_ESCALATION_LEVEL, escalationRole } from './topics.js';
import type { CallEvent, CallRecord } from './types.js';

/** docs/spec.md §3.1 defaults: 15 min emergency, 2 h urgent, 24 h routine. */
export const DEFAULT_ACK_MINUTES: Readonly<Record<CallUrgency, number>> = {
  emergency: 15,
  urgent: 120,
  routine: 24 * 60,
};

/** What two parties agreed for their hotline; any urgency left out keeps the default. */
export type CallAckAgreement = { ackMinutes?: Partial<Record<CallUrgency, number>> };

export function ackPeriodMs(urgency: CallUrgency, agreement?: CallAckAgreement | null): number {
  const agreed = agreement?.ackMinutes?.[urgency];
  const minutes = agreed != null && Number.isFinite(agreed) && agreed > 0 ? agreed : DEFAULT_ACK_MINUTES[urgency];
  return Math.round(minutes * MINUTE_MS);
}

export function computeAckDueAt(placedAt: Date | string, periodMs: number): string {
  return iso(addMs(placedAt, periodMs));
}

/**
 * The instant from which ladder level `level` applies: level 1 (deputy) once the deadline has
 * passed, level 2 (supervisor) once one more full acknowledgement period has passed.
 * A level is reached strictly after this instant, matching `isPast`.
 */
export function escalationThreshold(call: Pick<CallRecord, 'ackDueAt' | 'ackPeriodMs'>, level: 1 | 2): Date {
  return addMs(call.ackDueAt, (level - 1) * call.ackPeriodMs);
}

export function isAwaitingAck(call: Pick<CallRecord, 'status'>): boolean {
  return call.status === 'placed' || call.status === 'delivered';
}

/** The rung the clock calls for at `now`, ignoring what was already fired. */
export function dueEscalationLevel(call: CallRecord, now: Date): EscalationLevel {
  if (!isAwaitingAck(call)) return 0;
  let level: EscalationLevel = 0;
  for (const k of [1, 2] as const) if (now.getTime() > escalationThreshold(call, k).getTime()) level = k;
  return level;
}

export type CallEvaluation = {
  isAwaitingAck: boolean;
  isOverdue: boolean;
  /** 0 unless overdue. */
  overdueByMs: number;
  ackDueAt: string;
  /** What the clock calls for now (0 once acknowledged). */
  dueEscalationLevel: EscalationLevel;
  /** What to show: the higher of the stored level and the due level. */
  escalationLevel: EscalationLevel;
  escalationRole: EscalationRole;
  /** When the next rung applies, or null when at the top or no longer waiting. */
  nextEscalationAt: string | null;
  /** Shown prominently (docs/spec.md §3.1): unacknowledged and overdue, or an unacknowledged emergency. */
  isProminent: boolean;
  /** Time from placing to acknowledgement, once acknowledged. */
  timeToAcknowledgeMs: number | null;
  /** Whether the acknowledgement came after the deadline; null while not acknowledged. */
  acknowledgedLate: boolean | null;
};

export function evaluateCall(call: CallRecord, now: Date): CallEvaluation {
  const waiting = isAwaitingAck(call);
  const dueMs = new Date(call.ackDueAt).getTime();
  const isOverdue = waiting && now.getTime() > dueMs;
  const due = dueEscalationLevel(call, now);
  const level = Math.max(due, call.escalationLevel) as EscalationLevel;
  const next = waiting && level < MAX_ESCALATION_LEVEL ? escalationThreshold(call, (level + 1) as 1 | 2) : null;
  const ackMs = call.acknowledgedAt ? new Date(call.acknowledgedAt).getTime() : null;
  return {
    isAwaitingAck: waiting,
    isOverdue,
    overdueByMs: isOverdue ? now.getTime() - dueMs : 0,
    ackDueAt: call.ackDueAt,
    dueEscalationLevel: due,
    escalationLevel: level,
    escalationRole: escalationRole(level),
    nextEscalationAt: next ? iso(next) : null,
    isProminent: waiting && (isOverdue || call.urgency === 'emergency'),
    timeToAcknowledgeMs: ackMs == null ? null : ackMs - new Date(call.placedAt).getTime(),
    acknowledgedLate: ackMs == null ? null : ackMs > dueMs,
  };
}

/** Stable key of one escalation rung of one call; the worker stores it once fired. */
export function escalationKey(level: 1 | 2): string {
  return `escalation:${level}`;
}

/**
 * Escalations due at `now` that have not fired yet, lowest rung first. A rung counts as fired
 * when its key is in `alreadyFired` or the stored level already reached it, so a worker that
 * crashed between firing and recording never fires twice once either is persisted.
 */
export function dueCallEvents(call: CallRecord, now: Date, alreadyFired: Iterable<string> = []): CallEvent[] {
  const fired = new Set(alreadyFired);
  const due = dueEscalationLevel(call, now);
  const events: CallEvent[] = [];
  for (const level of [1, 2] as const) {
    if (level > due || level <= call.escalationLevel || fired.has(escalationKey(level))) continue;
    events.push({
      type: 'call.escalated',
      at: iso(escalationThreshold(call, level)),
      actorLabel: 'system',
      data: {
        callId: call.id,
        originParty: call.toParty,
        by: 'system',
        key: escalationKey(level),
        level,
        fromLevel: level - 1,
        role: escalationRole(level),
        ackDueAt: call.ackDueAt,
      },
    });
  }
  return events;
}
