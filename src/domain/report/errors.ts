// Error codes owned by the report area (merged into the node-wide catalogue in src/domain/error-catalogues.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const REPORT_ERRORS = {
} as const satisfies ErrorCatalogue;
