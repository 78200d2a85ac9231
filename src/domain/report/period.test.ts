import { describe, expect, it } from 'vitest';
import { inPeriod, parseReportPeriod } from './period.js';

const ok = (input: Parameters<typeof parseReportPeriod>[0]) => {
  const r = parseReportPeriod(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.period;
};
const codes = (input: Parameters<typeof parseReportPeriod>[0]) => {
  const r = parseReportPeriod(input);
  return r.ok ? [] : r.issues.map((i) => i.code);
};

describe('parseReportPeriod', () => {
  it('reads quarters, months and years in UTC', () => {
    expect(ok({ period: '2026-Q3' })).toMatchObject({
      label: '2026-Q3',
      from: '2026-07-01T00:00:00.000Z',
      to: '2026-10-01T00:00:00.000Z',
    });
    expect(ok({ period: '2026-11' })).toMatchObject({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(ok({ period: '2026' })).toMatchObject({ from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
  });

  it('ends the fourth quarter and December in the next year', () => {
    expect(ok({ period: '2026-q4' })).toMatchObject({
      label: '2026-Q4',
      from: '2026-10-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(ok({ period: '2026-12' }).to).toBe('2027-01-01T00:00:00.000Z');
  });

  it('bounds periods by midnights of the agency zone', () => {
    expect(ok({ period: '2026-Q3', timeZone: 'Asia/Shanghai' })).toMatchObject({
      from: '2026-06-30T16:00:00.000Z',
      to: '2026-09-30T16:00:00.000Z',
    });
    // New York: Q1 starts in winter time (-5 h) and ends in summer time (-4 h).
    expect(ok({ period: '2026-Q1', timeZone: 'America/New_York' })).toMatchObject({
      from: '2026-01-01T05:00:00.000Z',
      to: '2026-04-01T04:00:00.000Z',
    });
    // Shanghai's Q4 reaches into the next UTC year only by its start offset.
    expect(ok({ period: '2026-Q4', timeZone: 'Asia/Shanghai' })).toMatchObject({
      from: '2026-09-30T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
    });
  });

  it('takes from/to dates with the last day included', () => {
    expect(ok({ from: '2026-07-01', to: '2026-09-30' })).toMatchObject({
      label: '2026-07-01..2026-09-30',
      from: '2026-07-01T00:00:00.000Z',
      to: '2026-10-01T00:00:00.000Z',
    });
    expect(ok({ from: '2026-12-31', to: '2026-12-31' }).to).toBe('2027-01-01T00:00:00.000Z');
  });

  it('refuses malformed input with bilingual issues', () => {
    expect(codes({ period: '2026-Q5' })).toEqual(['period_format']);
    expect(codes({ period: '2026-13' })).toEqual(['period_format']);
    expect(codes({})).toEqual(['required']);
    expect(codes({ period: '2026', from: '2026-01-01' })).toEqual(['period_and_range']);
    expect(codes({ from: '2026-02-30', to: '2026-03-01' })).toEqual(['date_format']);
    expect(codes({ from: '2026-03-01' })).toEqual(['required']);
    expect(codes({ from: '2026-03-02', to: '2026-03-01' })).toEqual(['range_order']);
    expect(codes({ period: '1900' })).toEqual(['year_range']);
    expect(codes({ period: '2026', timeZone: 'Mars/Olympus' })).toEqual(['unknown_time_zone']);
    const r = parseReportPeriod({ period: 'Q3' });
    expect(r.ok ? null : r.issues[0]!.message.zh).toMatch(/期间/);
  });

  it('treats the end as exclusive', () => {
    const p = ok({ period: '2026-11' });
    expect(inPeriod('2026-11-30T23:59:59.999Z', p)).toBe(true);
    expect(inPeriod('2026-12-01T00:00:00.000Z', p)).toBe(false);
    expect(inPeriod(null, p)).toBe(false);
  });
});
