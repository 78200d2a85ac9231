// Error codes owned by the exercise area (merged into the node-wide catalogue in src/domain/error-catalogues.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const EXERCISE_ERRORS = {
} as const satisfies ErrorCatalogue;
