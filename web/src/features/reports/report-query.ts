// The period picker's state turned into the query string of /api/reports/period, and back.
export type PeriodMode = 'quarter' | 'month' | 'year' | 'custom';

export type PeriodChoice = { mode: PeriodMode; year: number; quarter: number; month: string; from: string; to: string };

export function defaultPeriod(now = new Date()): PeriodChoice {
  const year = now.getFullYear();
  const month = `${year}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  return {
    mode: 'quarter',
    year,
    quarter: Math.floor(now.getMonth() / 3) + 1,
    month,
    from: `${month}-01`,
    to: now.toISOString().slice(0, 10),
  };
}

/** Query parameters for the API (period or from/to in the user's zone, plus an optional peer). */
export function periodQuery(p: PeriodChoice, peer: string, timeZone: string): Record<string, string> {
  const when: Record<string, string> =
    p.mode === 'quarter'
      ? { period: `${p.year}-Q${p.quarter}` }
      : p.mode === 'month'
        ? { period: p.month }
        : p.mode === 'year'
          ? { period: String(p.year) }
          : { from: p.from, to: p.to };
  const zoned = { ...when, timeZone };
  return peer.trim() ? { ...zoned, peer: peer.trim() } : zoned;
}

export function reportUrl(path: string, query: Record<string, string>, format: 'csv' | 'pdf', locale: string): string {
  const params = new URLSearchParams({ ...query, format, locale });
  return `/api${path}?${params.toString()}`;
}
