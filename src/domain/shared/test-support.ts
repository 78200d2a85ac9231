// Helpers shared by the domain unit tests (imported by *.test.ts only).
import { AppError } from '../../errors.js';

/** The AppError code `fn` throws, undefined when it does not throw; any other error propagates. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return undefined;
}
