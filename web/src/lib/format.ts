// Dates, times and durations in the user's language and time zone (and a peer's zone where it matters).
import type { Bilingual, Locale } from '../api/types';

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

export function formatDateTime(iso: string | null | undefined, locale: Locale, timeZone: string, withZone = false): string {
  if (!iso) return '—';
  const opts: Intl.DateTimeFormatOptions = {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    ...(withZone ? { timeZoneName: 'short' } : {}),
  };
  return formatter(locale, timeZone, opts).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, locale: Locale, timeZone: string): string {
  if (!iso) return '—';
  return formatter(locale, timeZone, { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(iso));
}

export function formatTime(iso: string, locale: Locale, timeZone: string): string {
  return formatter(locale, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).format(new Date(iso));
}

/** "2 d 4 h", "3 h 12 min", "4 min 30 s": the two most significant units. */
export function formatDuration(ms: number, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const total = Math.floor(Math.abs(ms) / 1000);
  const values = [Math.floor(total / 86_400), Math.floor((total % 86_400) / 3600), Math.floor((total % 3600) / 60), total % 60];
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
