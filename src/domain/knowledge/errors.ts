// Error codes owned by the knowledge area (merged into the node-wide catalogue in src/domain/error-catalogues.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const KNOWLEDGE_ERRORS = {
} as const satisfies ErrorCatalogue;
