// Shapes of the extraction and correlation routes (/api/intel/extract, alerts, correlations, exclusions),
// generated from the node's OpenAPI document (src/http/routes/intel/intel.response.ts).
import type { components } from './generated/api';

type S = components['schemas'];

/** `cue`: for an account named by a cue word (微信, QQ, TG …), where that word is. */
export type IndicatorSpan = S['IndicatorSpan'];
export type ExtractedIndicator = S['ExtractedIndicator'];
export type ExtractResult = S['ExtractResult'];

export type AlertSource = S['AlertSource'];
export type CorrelationAlert = S['CorrelationAlert'];
export type AlertPage = S['AlertPage'];

export type CorrelationExclusion = S['CorrelationExclusion'];
