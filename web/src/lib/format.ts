// Dates, times and durations in the user's language and time zone (and a peer's zone where it matters).
import type { Bilingual, Locale } from '../api/types';
import { localDate } from '../../../src/domain/shared/human-time';
import { isValidTimeZone } from '../../../src/domain/shared/zones';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, timeZone: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { ...opts, timeZone });
    } catch {
      f = new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { ...opts, timeZone: 'UTC' });
    }
    cache.set(key, f);
  }
  return f;
}

export function formatDateTime(
  iso: string | null | undefined,
  locale: Locale,
  timeZone: string,
  withZone = false,
): string {
  if (!iso) return '—';
  const opts: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(withZone ? { timeZoneName: 'short' } : {}),
  };
  return formatter(locale, timeZone, opts).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, locale: Locale, timeZone: string): string {
  if (!iso) return '—';
  return formatter(locale, timeZone, { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(iso));
}

export function formatTime(iso: string, locale: Locale, timeZone: string): string {
  return formatter(locale, timeZone, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** Places people know a zone by; other zones are named by their IANA city (en) or their UTC offset. */
const ZONE_PLACES: Record<string, Bilingual> = {
  'Asia/Shanghai': { en: 'Beijing', zh: '北京' },
  'Asia/Chongqing': { en: 'Beijing', zh: '北京' },
  'Asia/Hong_Kong': { en: 'Hong Kong', zh: '香港' },
  'Asia/Macau': { en: 'Macao', zh: '澳门' },
  'Asia/Taipei': { en: 'Taipei', zh: '台北' },
  'Asia/Tokyo': { en: 'Tokyo', zh: '东京' },
  'Asia/Singapore': { en: 'Singapore', zh: '新加坡' },
  'Asia/Bangkok': { en: 'Bangkok', zh: '曼谷' },
  'Asia/Manila': { en: 'Manila', zh: '马尼拉' },
  'America/New_York': { en: 'New York', zh: '纽约' },
  'America/Chicago': { en: 'Chicago', zh: '芝加哥' },
  'America/Denver': { en: 'Denver', zh: '丹佛' },
  'America/Los_Angeles': { en: 'Los Angeles', zh: '洛杉矶' },
  'Europe/London': { en: 'London', zh: '伦敦' },
  'Europe/Paris': { en: 'Paris', zh: '巴黎' },
  'Europe/Brussels': { en: 'Brussels', zh: '布鲁塞尔' },
  'Europe/Berlin': { en: 'Berlin', zh: '柏林' },
  'Europe/Moscow': { en: 'Moscow', zh: '莫斯科' },
  'Australia/Sydney': { en: 'Sydney', zh: '悉尼' },
  UTC: { en: 'UTC', zh: 'UTC' },
  'Etc/UTC': { en: 'UTC', zh: 'UTC' },
};

/** "Beijing" / "北京" for Asia/Shanghai; "Lisbon" for Europe/Lisbon in English, its offset ("GMT+1") in Chinese. */
export function zonePlace(timeZone: string, locale: Locale): string {
  const known = ZONE_PLACES[timeZone];
  if (known) return pickBi(known, locale);
  const city = timeZone.split('/').at(-1)?.replace(/_/g, ' ');
  if (locale !== 'zh-CN' && city && timeZone.includes('/')) return city;
  try {
    return (
      new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
        .formatToParts(new Date())
        .find((x) => x.type === 'timeZoneName')?.value ?? timeZone
    );
  } catch {
    return timeZone;
  }
}

/**
 * An instant on both sides: when the other side's calendar day differs, both full dates with their
 * places ("1 Jun 2026, 12:59 (Beijing) · 31 May 2026, 23:59 (New York)"), else our date and their
 * time ("1 Jun 2026, 12:59 · 06:59 (London)"), so a date is never silently the wrong one.
 */
export function formatBothSides(
  iso: string,
  locale: Locale,
  ownZone: string,
  otherZone: string,
): { own: string; other: string; dayDiffers: boolean } {
  const zh = locale === 'zh-CN';
  const place = (z: string) => (zh ? `（${zonePlace(z, locale)}）` : ` (${zonePlace(z, locale)})`);
  // Like the formatters above, a zone this browser does not know is read as UTC.
  const day = (z: string) => localDate(iso, isValidTimeZone(z) ? z : 'UTC');
  const dayDiffers = day(ownZone) !== day(otherZone);
  const time = formatter(locale, otherZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
  return {
    own: formatDateTime(iso, locale, ownZone) + (dayDiffers ? place(ownZone) : ''),
    other: (dayDiffers ? formatDateTime(iso, locale, otherZone) : time) + place(otherZone),
    dayDiffers,
  };
}

/** "2 d 4 h", "3 h 12 min", "4 min 30 s": the two most significant units. */
export function formatDuration(ms: number, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const total = Math.floor(Math.abs(ms) / 1000);
  const values = [
    Math.floor(total / 86_400),
    Math.floor((total % 86_400) / 3600),
    Math.floor((total % 3600) / 60),
    total % 60,
  ];
  const names = zh ? ['天', '小时', '分', '秒'] : [' d', ' h', ' min', ' s'];
  const first = values.findIndex((v) => v > 0);
  if (first < 0) return zh ? '0秒' : '0 s';
  return [first, first + 1]
    .filter((i) => i < 4 && (values[i] ?? 0) > 0)
    .map((i) => `${values[i]}${names[i]}`)
    .join(zh ? '' : ' ');
}

/** The text of a bilingual value in the current language, falling back to the other one. */
export function pickBi(value: Bilingual | null | undefined, locale: Locale | string): string {
  if (!value) return '';
  const zh = locale.startsWith('zh');
  return (zh ? value.zh || value.en : value.en || value.zh) ?? '';
}

export function formatNumber(n: number, locale: Locale, opts?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', opts).format(n);
}

export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${formatNumber(v, locale, { maximumFractionDigits: i === 0 ? 0 : 1 })} ${units[i]}`;
}
