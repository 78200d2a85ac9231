// Instants and dates as people read them, in both languages and in a named time zone: texts the
// server writes (notifications, PDF reports) must never show a raw ISO instant. Pure: Intl only.
import type { Bilingual } from '../../error-types.js';
import { instantToZonedLocal } from './zones.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: 'en-GB' | 'zh-CN', timeZone: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(opts)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...opts, timeZone });
    formatters.set(key, f);
  }
  return f;
}

const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const DAY_TIME: Intl.DateTimeFormatOptions = { ...DAY, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** "GMT+8", "GMT-5", "GMT": the zone's offset at that instant (daylight saving included). */
export function zoneOffsetLabel(at: Date | string, timeZone: string): string {
  const parts = formatter('en-GB', timeZone, { timeZoneName: 'shortOffset' }).formatToParts(new Date(at));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** `1 Jun 2026, 12:59 (GMT+8)` / `2026年6月1日 12:59（GMT+8）`; the input itself when it is no instant. */
export function humanInstant(at: string | Date, timeZone: string): Bilingual {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return { en: String(at), zh: String(at) };
  const zone = zoneOffsetLabel(d, timeZone);
  return {
    en: `${formatter('en-GB', timeZone, DAY_TIME).format(d)} (${zone})`,
    zh: `${formatter('zh-CN', timeZone, DAY_TIME).format(d)}（${zone}）`,
  };
}

/** A calendar date `YYYY-MM-DD` as `1 Jun 2026` / `2026年6月1日` (no zone: a date is the same everywhere it is read). */
export function humanDate(date: string): Bilingual {
  const d = new Date(`${date}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(d.getTime())) return { en: date, zh: date };
  return { en: formatter('en-GB', 'UTC', DAY).format(d), zh: formatter('zh-CN', 'UTC', DAY).format(d) };
}

/** `Asia/Shanghai (GMT+8)`: how a document states the zone its times are in. */
export function zoneStatement(timeZone: string, at: Date | string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  const offset = zoneOffsetLabel(at, timeZone);
  return offset === timeZone ? timeZone : `${timeZone} (${offset})`;
}

/** `2026-07-01 18:00`: the wall time in `timeZone`, for documents that state their zone once (PDF). */
export function localDateTime(at: Date | string, timeZone: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  return instantToZonedLocal(d, timeZone).replace('T', ' ');
}

/** `2026-07-01`: the calendar day `at` falls on in `timeZone`. */
export function localDate(at: Date | string, timeZone: string): string {
  return localDateTime(at, timeZone).slice(0, 10);
}
