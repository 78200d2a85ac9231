// Report periods (docs/spec.md §10.4): "2026-Q3", "2026-11", "2026" or explicit from/to dates, turned
// into a half-open UTC interval [from, to) whose boundaries are midnights in the agency's zone.
import type { ValidationIssue } from '../../error-types.js';
import { isValidTimeZone, zonedLocalToIso } from '../shared/zones.js';

export type ReportPeriod = {
  /** What the user asked for, normalised: "2026-Q3", "2026-11", "2026" or "2026-01-05..2026-02-01". */
  label: string;
  /** Inclusive start instant (ISO, UTC). */
  from: string;
  /** Exclusive end instant (ISO, UTC). */
  to: string;
  timeZone: string;
};

export type PeriodInput = { period?: string; from?: string; to?: string; timeZone?: string };

export type PeriodResult = { ok: true; period: ReportPeriod } | { ok: false; issues: ValidationIssue[] };

const QUARTER_RE = /^(\d{4})-Q([1-4])$/i;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR_RE = /^(\d{4})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MIN_YEAR = 1970;
const MAX_YEAR = 9000;

function issue(path: string, code: string, en: string, zh: string): ValidationIssue {
  return { path, code, message: { en, zh } };
}

/** First day of month `month` (1-based, may overflow into the next years) as "YYYY-MM-DD". */
function firstOfMonth(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}

function midnight(date: string, timeZone: string): string | null {
  return zonedLocalToIso(`${date}T00:00`, timeZone);
}

function isRealDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]);
}

/** Calendar span [startDate, endDate) of a named period, or null when the text is not one. */
function namedSpan(text: string): { start: string; end: string; label: string } | null {
  let m = QUARTER_RE.exec(text);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { start: firstOfMonth(y, (q - 1) * 3 + 1), end: firstOfMonth(y, q * 3 + 1), label: `${m[1]}-Q${q}` };
  }
  m = MONTH_RE.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { start: firstOfMonth(y, mo), end: firstOfMonth(y, mo + 1), label: text };
  }
  m = YEAR_RE.exec(text);
  if (m) return { start: firstOfMonth(Number(m[1]), 1), end: firstOfMonth(Number(m[1]) + 1, 1), label: text };
  return null;
}

function yearOk(date: string): boolean {
  const y = Number(date.slice(0, 4));
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

/**
 * Parses a period. `to` of a from/to pair is inclusive as a date (the whole day counts), so
 * "--from 2026-07-01 --to 2026-09-30" equals "2026-Q3".
 */
export function parseReportPeriod(input: PeriodInput): PeriodResult {
  const timeZone = input.timeZone ?? 'UTC';
  if (!isValidTimeZone(timeZone)) {
    return {
      ok: false,
      issues: [issue('timeZone', 'unknown_time_zone', `Unknown time zone "${timeZone}".`, `未知时区“${timeZone}”。`)],
    };
  }
  const hasRange = input.from !== undefined || input.to !== undefined;
  if (input.period !== undefined && hasRange) {
    return {
      ok: false,
      issues: [
        issue(
          'period',
          'period_and_range',
          'Give either a period or from/to, not both.',
          '请只提供期间或起止日期之一，不要同时提供。',
        ),
      ],
    };
  }
  let span: { start: string; end: string; label: string } | null;
  if (input.period !== undefined) {
    span = namedSpan(input.period.trim());
    if (!span) {
      return {
        ok: false,
        issues: [
          issue(
            'period',
            'period_format',
            `"${input.period}" is not a period: use 2026-Q3, 2026-11 or 2026.`,
            `“${input.period}”不是有效期间：请使用 2026-Q3、2026-11 或 2026。`,
          ),
        ],
      };
    }
  } else if (hasRange) {
    const issues: ValidationIssue[] = [];
    for (const key of ['from', 'to'] as const) {
      const v = input[key];
      if (v === undefined)
        issues.push(issue(key, 'required', `"${key}" is required with a date range.`, `日期范围需要“${key}”。`));
      else if (!isRealDate(v))
        issues.push(
          issue(key, 'date_format', `"${v}" is not a date (YYYY-MM-DD).`, `“${v}”不是有效日期（YYYY-MM-DD）。`),
        );
    }
    if (issues.length) return { ok: false, issues };
    const from = input.from as string;
    const to = input.to as string;
    if (to < from) {
      return {
        ok: false,
        issues: [issue('to', 'range_order', '"to" must not be before "from".', '结束日期不能早于起始日期。')],
      };
    }
    const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    span = { start: from, end: next, label: `${from}..${to}` };
  } else {
    return {
      ok: false,
      issues: [
        issue(
          'period',
          'required',
          'A period is required (e.g. 2026-Q3) or from/to dates.',
          '需要提供期间（如 2026-Q3）或起止日期。',
        ),
      ],
    };
  }
  if (!yearOk(span.start) || !yearOk(span.end)) {
    return {
      ok: false,
      issues: [
        issue(
          'period',
          'year_range',
          `Years must lie between ${MIN_YEAR} and ${MAX_YEAR}.`,
          `年份必须在 ${MIN_YEAR} 至 ${MAX_YEAR} 之间。`,
        ),
      ],
    };
  }
  const from = midnight(span.start, timeZone);
  const to = midnight(span.end, timeZone);
  if (!from || !to)
    return {
      ok: false,
      issues: [issue('period', 'period_format', 'The period cannot be placed in time.', '无法确定该期间的时间。')],
    };
  return { ok: true, period: { label: span.label, from, to, timeZone } };
}

/** Whether an instant lies in the half-open period. */
export function inPeriod(at: string | null, period: Pick<ReportPeriod, 'from' | 'to'>): boolean {
  if (at === null) return false;
  const t = Date.parse(at);
  return t >= Date.parse(period.from) && t < Date.parse(period.to);
}
