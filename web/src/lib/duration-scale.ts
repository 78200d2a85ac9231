// The unit a chart of durations reads best in, picked from its largest value: seconds for an
// answer within a minute or two, minutes, hours, days — so a chart of 40-second acknowledgements
// is not drawn as empty bars on a 0–4 hour axis.
export type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'days';

const MS: Record<DurationUnit, number> = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

export function durationScale(valuesMs: readonly (number | null)[]): {
  unit: DurationUnit;
  toUnit(ms: number | null): number;
} {
  const max = Math.max(0, ...valuesMs.filter((v): v is number => v !== null && Number.isFinite(v)));
  const unit: DurationUnit =
    max < 2 * MS.minutes ? 'seconds' : max < 2 * MS.hours ? 'minutes' : max < 3 * MS.days ? 'hours' : 'days';
  return { unit, toUnit: (ms) => (ms === null ? 0 : Math.round((ms / MS[unit]) * 10) / 10) };
}
