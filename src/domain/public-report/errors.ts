// Error codes owned by the public-report area (merged into the node-wide catalogue in src/domain/error-catalogues.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const PUBLIC_REPORT_ERRORS = {
} as const satisfies ErrorCatalogue;
