// Use case: extract indicators from pasted text (docs/spec.md §5.3), grouped by (type, value) with every span.
import { AppError } from '../../errors.js';
import { dedupeIndicators, extractIndicators, type DedupedIndicator } from '../../intel/extract/index.js';

/** Larger texts go through the CLI, which has no request size to protect. */
export const MAX_EXTRACT_CHARS = 1_000_000;

export type ExtractTextInput = { text: string; defaultCountry?: string };
export type ExtractTextResult = { indicators: DedupedIndicator[]; occurrences: number; chars: number };

export function extractText(input: ExtractTextInput): ExtractTextResult {
  if (input.text.length > MAX_EXTRACT_CHARS) {
    throw new AppError('INTEL_EXTRACT_TOO_LARGE', { details: { chars: input.text.length, max: MAX_EXTRACT_CHARS } });
  }
  const found = extractIndicators(input.text, { defaultCountry: input.defaultCountry });
  return { indicators: dedupeIndicators(found), occurrences: found.length, chars: input.text.length };
}
