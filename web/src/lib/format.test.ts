// Instants on both sides: when the other side's calendar day differs, both dates are shown.
import { describe, expect, it } from 'vitest';
import { formatBothSides, zonePlace } from './format';

describe('formatBothSides', () => {
  const at = '2026-06-01T03:59:00.000Z'; // 11:59 in Beijing, 23:59 on 31 May in New York (EDT)

  it('shows both dates and places when the days differ (English)', () => {
    const r = formatBothSides(at, 'en', 'Asia/Shanghai', 'America/New_York');
    expect(r.dayDiffers).toBe(true);
    expect(`${r.own} · ${r.other}`).toBe('1 Jun 2026, 11:59 (Beijing) · 31 May 2026, 23:59 (New York)');
  });

  it('shows both dates and places when the days differ (Chinese)', () => {
    const r = formatBothSides(at, 'zh-CN', 'Asia/Shanghai', 'America/New_York');
    expect(r.own).toBe('2026年6月1日 11:59（北京）');
    expect(r.other).toBe('2026年5月31日 23:59（纽约）');
  });

  it("shows only the other side's time when the day is the same", () => {
    const r = formatBothSides('2026-06-01T10:00:00.000Z', 'en', 'Asia/Shanghai', 'Europe/London');
    expect(r.dayDiffers).toBe(false);
    expect(r.own).toBe('1 Jun 2026, 18:00');
    expect(r.other).toBe('11:00 (London)');
  });
});

describe('zonePlace', () => {
  it("names known zones in the reader's language, others by city or offset", () => {
    expect(zonePlace('Asia/Shanghai', 'zh-CN')).toBe('北京');
    expect(zonePlace('America/Argentina/Buenos_Aires', 'en')).toBe('Buenos Aires');
    expect(zonePlace('Asia/Kolkata', 'zh-CN')).toBe('GMT+5:30');
  });
});
