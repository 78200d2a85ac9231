// Indicators found in the victim's own words, by the node's text extractor (SPEC §5.3); the
// report's indicator list normalizes them with the case rules like the structured fields.
import type { ExtractedValue } from '../../domain/public-report/index.js';
import { extractIndicators } from '../../intel/extract/index.js';

export function narrativeIndicators(narrative: string): ExtractedValue[] {
  return extractIndicators(narrative).map((f) => ({ type: f.type, value: f.value }));
}
