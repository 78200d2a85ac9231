// Shapes of the TAXII admin routes (/api/intel/taxii, collections, feeds), generated from the node's
// OpenAPI document (src/http/routes/intel/intel.response.ts).
import type { components } from './generated/api';

type S = components['schemas'];

export type TaxiiInfo = S['TaxiiInfo'];
export type TaxiiCollection = S['TaxiiCollection'];

/** `complete` is false when the run ended early (lastError says why and what was kept). */
export type TaxiiFeedResult = S['TaxiiFeedResult'];
export type TaxiiFeed = S['TaxiiFeed'];
export type TaxiiPullResult = S['TaxiiPullResult'];
