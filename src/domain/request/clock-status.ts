// Pure evaluation of stored deadlines at a given `now`: overdue flags, escalation, preservation reminders and
// the clock events a deadline worker must fire exactly once — so a restarted node catches up on its own.
import { DAY_MS, iso } from '../shared/time.js';
import { canRenewPreservation, renewalReminderDays, resolveClockPolicy, type ClockPolicyInput } from './clocks.js';
import type { RequestEvent, RequestRecord, RequestStatus } from './types.js';

export type EscalationLevel = 0 | 1 | 2;

export type ClockStatus = {
  ackOverdue: boolean;
  responseOverdue: boolean;
  /** Acknowledged / responded (fulfilled or declined) after the deadline; for SLA statistics. */
  ackWasLate: boolean;
  responseWasLate: boolean;
  /** Waiting for information from the requester; ack and response clocks stand still. */
  paused: boolean;
  preservationActive: boolean;
  /** Whole days left, rounded up; zero or negative once lapsed; null without an active preservation. */
  preservationExpiresInDays: number | null;
  canRenew: boolean;
  renewalReminderDue: boolean;
  preservationLapsed: boolean;
  /** 0 none, 1 supervisor (a deadline passed), 2 head of unit (overdue by its own period again). */
  escalationLevel: EscalationLevel;
  /** Earliest future deadline (ack, response or preservation expiry), for display. */
  nextDeadlineAt: string | null;
  /** Earliest future instant at which this evaluation changes; the deadline worker's wake-up time. */
  nextEventAt: string | null;
};

export type ClockEventKind =
  'ack_overdue' | 'response_overdue' | 'escalated' | 'renewal_reminder' | 'preservation_lapsed';

export type ClockEvent = {
  /** Stable id, e.g. `escalated:1:ack@2026-05-01T10:00:00.000Z`; store it once fired. */
  key: string;
  kind: ClockEventKind;
  clock?: 'ack' | 'response';
  level?: 1 | 2;
  /** The deadline concerned. */
  dueAt: string;
  /** When the event became due. */
  at: string;
};

export type ClockEvaluationOptions = { clockPolicy?: ClockPolicyInput };

/** Statuses in which the response clock runs. */
export const RESPONSE_OPEN: readonly RequestStatus[] = [
  'submitted',
  'acknowledged',
  'accepted',
  'approval_pending',
  'in_progress',
  'partially_fulfilled',
  'needs_information',
];
const PRESERVATION_OVER: readonly RequestStatus[] = ['declined', 'closed', 'withdrawn'];

type Deadline = { clock: 'ack' | 'response'; due: number; start: number };

/** The ack and response deadlines still running, read at the moment the clocks stopped if paused. */
function openDeadlines(r: RequestRecord): Deadline[] {
  const c = r.clocks;
  const out: Deadline[] = [];
  const ackOpen =
    r.status === 'submitted' ||
    (r.status === 'needs_information' && r.informationRequest?.previousStatus === 'submitted');
  if (ackOpen && c.ackDueAt && c.ackClockStartAt) {
    out.push({ clock: 'ack', due: Date.parse(c.ackDueAt), start: Date.parse(c.ackClockStartAt) });
  }
  if (RESPONSE_OPEN.includes(r.status) && c.responseDueAt && c.responseClockStartAt) {
    out.push({ clock: 'response', due: Date.parse(c.responseDueAt), start: Date.parse(c.responseClockStartAt) });
  }
  return out;
}

/** Second escalation once overdue by the clock's own period again (e.g. 24 h late on a 24 h clock). */
function escalationAt(d: Deadline): number {
  return d.due + Math.max(0, d.due - d.start);
}

function preservationWindow(r: RequestRecord, reminderDays: number) {
  const expires = r.clocks.preservationExpiresAt;
  if (r.type !== 'preservation' || expires === null || PRESERVATION_OVER.includes(r.status)) return null;
  const expiresAt = Date.parse(expires);
  return { expiresAt, remindAt: expiresAt - reminderDays * DAY_MS };
}

export function evaluateClocks(r: RequestRecord, now: Date, options: ClockEvaluationOptions = {}): ClockStatus {
  const policy = resolveClockPolicy(options.clockPolicy);
  const t = now.getTime();
  const paused = r.clocks.pausedAt !== null;
  // While paused the ack/response clocks are read at the pause, so nothing new fires meanwhile.
  const clockNow = paused ? Date.parse(r.clocks.pausedAt as string) : t;
  const open = openDeadlines(r);
  const ack = open.find((d) => d.clock === 'ack');
  const resp = open.find((d) => d.clock === 'response');

  let escalationLevel: EscalationLevel = 0;
  for (const d of open) {
    const level: EscalationLevel = clockNow >= escalationAt(d) ? 2 : clockNow >= d.due ? 1 : 0;
    if (level > escalationLevel) escalationLevel = level;
  }

  const win = preservationWindow(r, renewalReminderDays(r, policy.renewalReminderDays));
  const lapsed = win !== null && t >= win.expiresAt;

  const future = (xs: (number | undefined)[]) => {
    const later = xs.filter((x): x is number => x !== undefined && x > t);
    return later.length ? iso(new Date(Math.min(...later))) : null;
  };
  const running = paused ? [] : open;
  const respondedAt = r.fulfilledAt ?? r.declinedAt;

  return {
    ackOverdue: ack !== undefined && clockNow >= ack.due,
    responseOverdue: resp !== undefined && clockNow >= resp.due,
    ackWasLate: wasLate(r.acknowledgedAt, r.clocks.ackDueAt),
    responseWasLate: wasLate(respondedAt, r.clocks.responseDueAt),
    paused,
    preservationActive: win !== null,
    preservationExpiresInDays: win === null ? null : Math.ceil((win.expiresAt - t) / DAY_MS),
    canRenew: win !== null && !lapsed && canRenewPreservation(r, policy),
    renewalReminderDue: win !== null && t >= win.remindAt && !lapsed,
    preservationLapsed: lapsed,
    escalationLevel,
    nextDeadlineAt: future([...running.map((d) => d.due), win?.expiresAt]),
    nextEventAt: future([...running.flatMap((d) => [d.due, escalationAt(d)]), win?.remindAt, win?.expiresAt]),
  };
}

function wasLate(doneAt: string | null, dueAt: string | null): boolean {
  return doneAt !== null && dueAt !== null && Date.parse(doneAt) > Date.parse(dueAt);
}

/**
 * Clock events that are due at `now` and not in `alreadyFired`, oldest first. Keys carry the
 * deadline, so a deadline moved by an agreed override or an information pause fires afresh.
 */
export function dueClockEvents(
  r: RequestRecord,
  now: Date,
  alreadyFired: readonly string[],
  options: ClockEvaluationOptions = {},
): ClockEvent[] {
  const policy = resolveClockPolicy(options.clockPolicy);
  const t = now.getTime();
  const clockNow = r.clocks.pausedAt ? Date.parse(r.clocks.pausedAt) : t;
  const events: ClockEvent[] = [];
  for (const d of openDeadlines(r)) {
    const dueAt = iso(new Date(d.due));
    if (clockNow >= d.due) {
      events.push({ key: `${d.clock}_overdue@${dueAt}`, kind: `${d.clock}_overdue`, clock: d.clock, dueAt, at: dueAt });
      events.push({
        key: `escalated:1:${d.clock}@${dueAt}`,
        kind: 'escalated',
        clock: d.clock,
        level: 1,
        dueAt,
        at: dueAt,
      });
    }
    const l2 = escalationAt(d);
    if (clockNow >= l2) {
      const at = iso(new Date(l2));
      events.push({ key: `escalated:2:${d.clock}@${dueAt}`, kind: 'escalated', clock: d.clock, level: 2, dueAt, at });
    }
  }
  const win = preservationWindow(r, renewalReminderDays(r, policy.renewalReminderDays));
  if (win) {
    const dueAt = iso(new Date(win.expiresAt));
    if (t >= win.remindAt && t < win.expiresAt) {
      events.push({
        key: `renewal_reminder@${dueAt}`,
        kind: 'renewal_reminder',
        dueAt,
        at: iso(new Date(win.remindAt)),
      });
    }
    if (t >= win.expiresAt) {
      events.push({ key: `preservation_lapsed@${dueAt}`, kind: 'preservation_lapsed', dueAt, at: dueAt });
    }
  }
  const fired = new Set(alreadyFired);
  return events.filter((e) => !fired.has(e.key)).sort((a, b) => a.at.localeCompare(b.at));
}

/** Wraps a clock event as a request event (actor "system") for audit, timeline and notifications. */
export function clockEventToRequestEvent(r: RequestRecord, e: ClockEvent, partyId: string, now: Date): RequestEvent {
  return {
    type: `request.clock.${e.kind}`,
    at: iso(now),
    actor: 'system',
    actorKind: 'system',
    partyId,
    requestId: r.id,
    data: { key: e.key, clock: e.clock, level: e.level, dueAt: e.dueAt, dueSince: e.at, reference: r.reference },
  };
}
