// The crypto core throws the node's one error type (AppError) with a FED_* code of its own
// catalogue (src/domain/federation/crypto-errors.ts); these helpers keep its call sites short.
import { AppError, isAppError } from '../../errors.js';
import { FEDERATION_ERRORS } from '../../domain/federation/crypto-errors.js';

export { FEDERATION_ERRORS };

export type FederationErrorCode = keyof typeof FEDERATION_ERRORS;

/** An AppError whose code is one of the crypto core's. */
export type FederationError = AppError & { readonly code: FederationErrorCode };

export function isFederationError(e: unknown, code?: FederationErrorCode): e is FederationError {
  return isAppError(e) && Object.hasOwn(FEDERATION_ERRORS, e.code) && (code === undefined || e.code === code);
}

/**
 * Short form used at every rejection site: `throw fedError('FED_EXPIRED', { exp })`. A `reason` in
 * the details is appended to the English message for logs and CLI output; the wire message stays the
 * catalogue's.
 */
export function fedError(
  code: FederationErrorCode,
  details?: Record<string, unknown>,
  cause?: unknown,
): FederationError {
  const error = new AppError(code, { details, cause }) as FederationError;
  if (details?.reason) error.message = `${error.message} (${String(details.reason)})`;
  return error;
}
