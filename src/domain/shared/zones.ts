// Wall clocks in named IANA time zones <-> instants: the one implementation the server (shifts,
// report periods, documents) and the web (date-time inputs "in my zone") share. Intl only, so DST
// is the zone database's business; pure: no clock is read.
import { isValidTimeZone } from './time.js';

export { isValidTimeZone };

/** The fields a wall clock in a zone shows at an instant (month 1–12). */
export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** What a clock in `timeZone` shows at instant `at` (to the second). */
export function wallClock(at: Date | string | number, timeZone: string): WallClock {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(at))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  // Some engines still write midnight as "24" under h23.
  return {
    year: p.year ?? 1970,
    month: p.month ?? 1,
    day: p.day ?? 1,
    hour: (p.hour ?? 0) % 24,
    minute: p.minute ?? 0,
    second: p.second ?? 0,
  };
}

const wallMs = (w: WallClock): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** Offset of `timeZone` from UTC at instant `at`, in ms (Shanghai: +8 h; New York in summer: −4 h). */
export function zoneOffsetMs(at: Date | string | number, timeZone: string): number {
  const ms = new Date(at).getTime();
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return wallMs(wallClock(whole, timeZone)) - whole;
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * The instant at which a wall clock in `timeZone` shows `local` ("YYYY-MM-DDTHH:mm[:ss[.sss]]", the
 * form of a datetime-local input). Like Temporal's "compatible" rule: a time skipped by a
 * spring-forward gap moves forward by the gap; a time repeated at fall-back takes its first
 * (earlier) occurrence. Null when the text is no real date and time, or the zone is unknown.
 */
export function zonedLocalToInstant(local: string, timeZone: string): Date | null {
  const m = LOCAL_RE.exec(local);
  if (!m || !isValidTimeZone(timeZone)) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  const wanted: WallClock = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? 0),
  };
  const wall = wallMs(wanted);
  const check = new Date(wall);
  const read = [
    check.getUTCFullYear(),
    check.getUTCMonth() + 1,
    check.getUTCDate(),
    check.getUTCHours(),
    check.getUTCMinutes(),
    check.getUTCSeconds(),
  ];
  if (read.join() !== [wanted.year, wanted.month, wanted.day, wanted.hour, wanted.minute, wanted.second].join())
    return null;
  const ms = frac ? Number(frac.padEnd(3, '0')) : 0;
  // Offsets a day either side bracket at most one transition, which is all real zones have nearby.
  const before = zoneOffsetMs(wall - 86_400_000, timeZone);
  const after = zoneOffsetMs(wall + 86_400_000, timeZone);
  const valid = [wall - before, wall - after].filter((t) => wallMs(wallClock(t, timeZone)) === wall);
  // In a gap neither offset reads back: the offset before the gap carries the time past it.
  const at = valid.length > 0 ? Math.min(...valid) : wall - before;
  return new Date(at + ms);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The ISO instant of a wall time in a zone (see zonedLocalToInstant); null when it is none. */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  return zonedLocalToInstant(local, timeZone)?.toISOString() ?? null;
}

/** "2026-05-01T14:30" (or "…T14:30:05" with seconds): the wall time of `at` in `timeZone`, as zonedLocalToInstant reads it. */
export function instantToZonedLocal(at: Date | string | number, timeZone: string, withSeconds = false): string {
  const w = wallClock(at, timeZone);
  const minute = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
  return withSeconds ? `${minute}:${pad(w.second)}` : minute;
}

/** "2025-03-09 03:30 GMT-4" style rendering of an instant in a zone, for a given locale. */
export function formatInZone(at: Date | string, timeZone: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
  }).format(new Date(at));
}
