// Paging rules (issue 19): which notifications page whom and how urgently, quiet hours, and which
// rung of the on-call roster a call's page goes to. Pure: the caller passes the roster, the
// subject's facts and `now`.
import type { CallUrgency, EscalationLevel, Shift } from '../call/index.js';
import { contactsForLevel } from '../call/index.js';
import type { Role } from '../shared/roles.js';

export const PAGE_CHANNELS = ['email', 'webhook'] as const;
export type PageChannel = (typeof PAGE_CHANNELS)[number];

export type Severity = 'info' | 'warning' | 'critical';

/** What the rules need to know about the notification and its record. */
export type PageFacts = {
  kind: string;
  severity: Severity;
  /** For calls: the call's urgency. */
  urgency?: CallUrgency | string;
  /** The role a notice is addressed to (absent: addressed to one user). */
  role?: Role;
};

export type PageDecision = { page: false } | { page: true; emergency: boolean };

/** The base kind of a notice about an exercise record (`exercise.call.incoming` → `call.incoming`). */
export const baseKind = (kind: string): string => kind.replace(/^exercise\.(?!started$)/, '');

/**
 * Whether a notification pages. New emergency or urgent calls and every escalation page at once;
 * request deadlines (due soon, overdue, escalated), a peer's step on a request, correlation alerts,
 * undeliverable pages and test pages page; everything else stays behind the bell unless critical.
 * `emergency` pages ignore quiet hours: an emergency call (or an escalation of one) must wake someone.
 */
export function pageDecision(f: PageFacts): PageDecision {
  const kind = baseKind(f.kind);
  const emergencyCall = kind.startsWith('call.') && f.urgency === 'emergency';
  switch (kind) {
    case 'call.incoming':
      return f.urgency === 'emergency' || f.urgency === 'urgent'
        ? { page: true, emergency: emergencyCall }
        : { page: false };
    case 'call.escalated':
      return { page: true, emergency: emergencyCall };
    case 'paging.failed':
    case 'paging.test':
      return { page: true, emergency: true };
    case 'intel.correlation':
      // Correlation alerts page analysts (and a user named on the alert), not every role that may read it.
      return f.role === undefined || f.role === 'analyst' ? { page: true, emergency: false } : { page: false };
    default:
      if (kind.startsWith('request.')) return { page: true, emergency: false };
      return f.severity === 'critical' ? { page: true, emergency: false } : { page: false };
  }
}

/** Quiet hours as local wall-clock times `HH:MM` in the user's zone; start > end spans midnight. */
export type QuietHours = { start: string; end: string };

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const isWallClock = (s: string): boolean => HHMM.test(s);

const minutesOf = (hhmm: string): number => {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

/** Minutes since local midnight of `at` in `timeZone`. */
export function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const h = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const m = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return h * 60 + m;
}

/** Whether `at` falls in the quiet hours (start inclusive, end exclusive); equal start and end: never. */
export function inQuietHours(quiet: QuietHours | null, timeZone: string, at: Date): boolean {
  if (!quiet) return false;
  const s = minutesOf(quiet.start);
  const e = minutesOf(quiet.end);
  if (Number.isNaN(s) || Number.isNaN(e) || s === e) return false;
  const t = localMinutes(at, timeZone);
  return s < e ? t >= s && t < e : t >= s || t < e;
}

/**
 * When the quiet hours that hold `at` end (the first instant after `at` whose local wall-clock time is
 * the end time), or null when `at` is not in quiet hours. A page held back is sent then.
 */
export function quietHoursEnd(quiet: QuietHours | null, timeZone: string, at: Date): Date | null {
  if (!quiet || !inQuietHours(quiet, timeZone, at)) return null;
  const minuteStart = at.getTime() - (at.getTime() % 60_000);
  const endMinute = minutesOf(quiet.end);
  const naive = new Date(minuteStart + ((endMinute - localMinutes(at, timeZone) + 1440) % 1440 || 1440) * 60_000);
  // A clock change inside the quiet hours moves the wall clock by up to an hour: correct by the drift.
  const drift = ((localMinutes(naive, timeZone) - endMinute + 720 + 1440) % 1440) - 720;
  return new Date(naive.getTime() - drift * 60_000);
}

/** Whether this recipient gets this page now: emergencies always, the rest outside quiet hours. */
export function pagesNow(decision: PageDecision, quiet: QuietHours | null, timeZone: string, at: Date): boolean {
  if (!decision.page) return false;
  return decision.emergency || !inQuietHours(quiet, timeZone, at);
}

/**
 * The people a call's notice pages: the rung of the ladder the call is at (0 for a new call, the
 * escalation level after an escalation) by the roster at `now`, or the next rung up when that one
 * has nobody on shift. Null when the whole roster is empty: the caller falls back to the role.
 */
export function callPageRecipients(roster: readonly Shift[], level: EscalationLevel, now: Date): string[] | null {
  const { shifts } = contactsForLevel(roster, level, now);
  if (shifts.length === 0) return null;
  return [...new Set(shifts.map((s) => s.userId))];
}

/** Who hears that a page could not be delivered: whoever can fix the channel or act instead. */
export const PAGE_FAILURE_ROLE: Role = 'supervisor';

/** Whether a webhook URL's host is one the administrator allows (exact, or under a `.suffix` entry). */
export function webhookHostAllowed(url: URL, allowed: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  return allowed.some((a) => {
    const entry = a.toLowerCase();
    return entry.startsWith('.') ? host.endsWith(entry) && host.length > entry.length : host === entry;
  });
}
