// Error codes owned by the dialogue area (merged into the node-wide catalogue in src/errors.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const DIALOGUE_ERRORS = {} as const satisfies ErrorCatalogue;
