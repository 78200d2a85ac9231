// Distribution summaries of durations: nearest-rank percentiles (the value of an actual record,
// like SQL percentile_disc), so a reported p90 is a time someone really took.

export type DurationSummary = { count: number; p50Ms: number | null; p90Ms: number | null; p95Ms: number | null };

/** Nearest-rank percentile of ascending `sorted`; null for no values. `q` in (0, 1]. */
export function percentile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

export function summarizeDurations(values: readonly number[]): DurationSummary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50Ms: percentile(sorted, 0.5),
    p90Ms: percentile(sorted, 0.9),
    p95Ms: percentile(sorted, 0.95),
  };
}

/** Duration between two ISO instants; null when either is missing. Negative spans (clock skew between nodes) count as 0. */
export function spanMs(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  return Math.max(0, Date.parse(to) - Date.parse(from));
}
