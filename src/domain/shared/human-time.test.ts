import { describe, expect, it } from 'vitest';
import { humanDate, humanInstant, localDate, localDateTime, zoneStatement } from './human-time.js';

describe('human-time', () => {
  it('writes an instant in the zone it names, in both languages, never as ISO', () => {
    expect(humanInstant('2026-06-01T04:59:00Z', 'Asia/Shanghai')).toEqual({
      en: '1 Jun 2026, 12:59 (GMT+8)',
      zh: '2026年6月1日 12:59（GMT+8）',
    });
    // The same instant is still 31 May in Chicago.
    expect(humanInstant('2026-06-01T04:59:00Z', 'America/Chicago').en).toBe('31 May 2026, 23:59 (GMT-5)');
  });

  it('keeps text that is no instant as it is', () => {
    expect(humanInstant('soon', 'UTC')).toEqual({ en: 'soon', zh: 'soon' });
  });

  it('writes calendar dates without shifting them by a zone', () => {
    expect(humanDate('2026-09-30')).toEqual({ en: '30 Sept 2026', zh: '2026年9月30日' });
  });

  it('states a zone with its offset at that time', () => {
    expect(zoneStatement('America/New_York', '2026-07-01T00:00:00Z')).toBe('America/New_York (GMT-4)');
    expect(zoneStatement('UTC', '2026-07-01T00:00:00Z')).toBe('UTC');
  });
});

describe('local wall times', () => {
  it('reads an instant as the wall time of a zone', () => {
    expect(localDateTime('2026-09-30T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-10-01 00:00');
    expect(localDate('2026-09-30T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-09-30');
  });
});
