// Merges each area's error codes into one catalogue (see src/errors.ts).
// Each area owns its codes in domain/<area>/errors.ts so areas never edit one shared file.
import type { ErrorCatalogue } from '../error-types.js';
import { CALL_ERRORS } from './call/errors.js';
import { CASE_ERRORS } from './case/errors.js';
import { DIALOGUE_ERRORS } from './dialogue/errors.js';
import { REQUEST_ERRORS } from './request/errors.js';
import { USER_ERRORS } from './user/errors.js';
import { FEDERATION_ERRORS } from '../federation/crypto/errors.js';
import { FEDERATION_TRANSPORT_ERRORS } from './federation/errors.js';

export const AREA_ERRORS = {
  ...REQUEST_ERRORS,
  ...CALL_ERRORS,
  ...CASE_ERRORS,
  ...DIALOGUE_ERRORS,
  ...USER_ERRORS,
  ...FEDERATION_ERRORS,
  ...FEDERATION_TRANSPORT_ERRORS,
} as const satisfies ErrorCatalogue;
