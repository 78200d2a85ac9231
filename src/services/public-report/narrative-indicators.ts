// Indicators found in the victim's own words, by the node's text extractor (docs/spec.md §5.3); the
// report's indicator list normalizes them with the case rules like the structured fields.
import type { ExtractedValue } from '../../domain/public-report/index.js';
import { extractIndicators } from '../../intel/extract/index.js';

export function narrativeIndicators(narrative: string): ExtractedValue[] {
  return extractIndicators(narrative).map((f) => ({ type: f.type, value: f.value }));
}

/** The extraction flags of each value in the story, by `type:value`, for triage to show how it was written. */
export function narrativeFlags(narrative: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of extractIndicators(narrative)) {
    const key = `${f.type}:${f.value}`;
    const flags = out.get(key) ?? [];
    for (const flag of f.flags) if (!flags.includes(flag)) flags.push(flag);
    out.set(key, flags);
  }
  return out;
}
