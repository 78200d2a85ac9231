// Shapes of the extraction and correlation routes (/api/intel/extract, alerts, correlations, exclusions).

/** `cue`: for an account named by a cue word (微信, QQ, TG …), where that word is. */
export type IndicatorSpan = { start: number; end: number; raw: string; cue?: { start: number; end: number; raw: string } };
export type ExtractedIndicator = { type: string; value: string; flags: string[]; spans: IndicatorSpan[] };
export type ExtractResult = { indicators: ExtractedIndicator[]; occurrences: number; chars: number };

export type AlertSource = { kind: 'case' | 'request' | 'report' | 'intel'; id: string; label: string | null };
export type CorrelationAlert = {
  id: string; a: AlertSource; b: AlertSource; matches: { type: string; value: string }[]; matchCount: number;
  createdAt: string; updatedAt: string; ackedAt: string | null; ackedBy: string | null;
};
export type AlertPage = { items: CorrelationAlert[]; total: number; limit: number; offset: number };

export type CorrelationExclusion = { type: string; value: string; hash: string; reason: string; createdBy: string; createdAt: string };
