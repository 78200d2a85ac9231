import { describe, expect, it } from 'vitest';
import { durationScale } from './duration-scale';

describe('durationScale', () => {
  it('picks the unit from the largest value', () => {
    expect(durationScale([4_000, 38_000, null]).unit).toBe('seconds');
    expect(durationScale([38_000, 25 * 60_000]).unit).toBe('minutes');
    expect(durationScale([3 * 3_600_000]).unit).toBe('hours');
    expect(durationScale([5 * 86_400_000]).unit).toBe('days');
    expect(durationScale([]).unit).toBe('seconds');
  });

  it('converts to that unit with one decimal', () => {
    const s = durationScale([38_400, 95_000]);
    expect([s.toUnit(38_400), s.toUnit(95_000), s.toUnit(null)]).toEqual([38.4, 95, 0]);
    expect(durationScale([90 * 60_000]).toUnit(90 * 60_000)).toBe(90);
  });
});
