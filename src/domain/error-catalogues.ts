// Merges each area's error codes into one catalogue (see src/errors.ts).
// Each area owns its codes in domain/<area>/errors.ts so areas never edit one shared file.
import type { ErrorCatalogue } from '../error-types.js';
import { CALL_ERRORS } from './call/errors.js';
import { CASE_ERRORS } from './case/errors.js';
import { DIALOGUE_ERRORS } from './dialogue/errors.js';
import { REQUEST_ERRORS } from './request/errors.js';
import { USER_ERRORS } from './user/errors.js';
import { FEDERATION_ERRORS } from './federation/crypto-errors.js';
import { FEDERATION_TRANSPORT_ERRORS } from './federation/errors.js';
import { FEDERATION_DIRECTORY_ERRORS } from './federation-directory/errors.js';
import { INTEL_ERRORS } from './intel/errors.js';
import { PUBLIC_REPORT_ERRORS } from './public-report/errors.js';
import { KNOWLEDGE_ERRORS } from './knowledge/errors.js';
import { EXERCISE_ERRORS } from './exercise/errors.js';
import { REPORT_ERRORS } from './report/errors.js';
import { BACKUP_ERRORS } from './backup/errors.js';
import { STORE_ERRORS } from './store/errors.js';
import { PAGING_ERRORS } from './paging/errors.js';
import { PASSKEY_ERRORS } from './passkey/errors.js';
import { SSO_ERRORS } from './sso/errors.js';
import { SHARING_GROUP_ERRORS } from './sharing-group/errors.js';

export const AREA_ERRORS = {
  ...REQUEST_ERRORS,
  ...CALL_ERRORS,
  ...CASE_ERRORS,
  ...DIALOGUE_ERRORS,
  ...USER_ERRORS,
  ...FEDERATION_ERRORS,
  ...FEDERATION_TRANSPORT_ERRORS,
  ...FEDERATION_DIRECTORY_ERRORS,
  ...INTEL_ERRORS,
  ...PUBLIC_REPORT_ERRORS,
  ...KNOWLEDGE_ERRORS,
  ...EXERCISE_ERRORS,
  ...REPORT_ERRORS,
  ...BACKUP_ERRORS,
  ...STORE_ERRORS,
  ...PAGING_ERRORS,
  ...PASSKEY_ERRORS,
  ...SSO_ERRORS,
  ...SHARING_GROUP_ERRORS,
} as const satisfies ErrorCatalogue;
