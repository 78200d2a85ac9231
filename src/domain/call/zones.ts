// IANA time-zone arithmetic on instants with Intl only, so DST is the zone database's business.
import { isValidTimeZone } from '../shared/time.js';
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

export { isValidTimeZone };

/** Wall-clock fields of `at` in `timeZone`, read back as if they were UTC (ms). */
function wallAsUtcMs(at: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(at))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
}

/** Offset of `timeZone` from UTC at instant `at`, in ms (Shanghai: +8 h; New York in summer: −4 h). */
export function zoneOffsetMs(at: Date | string, timeZone: string): number {
  const ms = new Date(at).getTime();
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return wallAsUtcMs(whole, timeZone) - whole;
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant at which a wall clock in `timeZone` shows `local` ("YYYY-MM-DDTHH:mm[:ss]").
 * Like Temporal's "compatible" rule: a time skipped by a spring-forward gap moves forward by the
 * gap; a time repeated at fall-back takes its first (earlier) occurrence. Null if malformed.
 */
export function zonedLocalToInstant(local: string, timeZone: string): Date | null {
  const m = LOCAL_RE.exec(local);
  if (!m || !isValidTimeZone(timeZone)) return null;
  const [, y, mo, d, h, mi, s] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  const check = new Date(wall);
  const fields = [check.getUTCMonth() + 1, check.getUTCDate(), check.getUTCHours(), check.getUTCMinutes()];
  if (fields.join() !== [mo, d, h, mi].map(Number).join()) return null;
  // Offsets a day either side bracket at most one transition, which is all real zones have nearby.
  const before = zoneOffsetMs(new Date(wall - 86_400_000), timeZone);
  const after = zoneOffsetMs(new Date(wall + 86_400_000), timeZone);
  const valid = [wall - before, wall - after].filter((t) => wallAsUtcMs(t, timeZone) === wall);
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(wall - before);
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
