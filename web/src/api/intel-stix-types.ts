// Shapes of the STIX object routes (/api/intel/objects, /api/intel/stix/*), generated from the node's
// OpenAPI document (src/http/routes/intel/intel.response.ts).
import type { components } from './generated/api';

type S = components['schemas'];

export type IntelObjectSummary = S['IntelObjectSummary'];
export type IntelObjectVersion = S['IntelObjectVersion'];

export type StixIssue = S['StixIssue'];
export type InvalidStixObject = S['InvalidStixObject'];
export type StixImportResult = S['StixImportResult'];
