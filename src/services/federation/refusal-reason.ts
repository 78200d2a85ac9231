// The bilingual meaning of a refusal code a peer (or this node) put in a receipt, for people: the
// catalogue message when the code is one this node knows, else null (a newer peer's own code).
import type { Bilingual } from '../../error-types.js';
import { ERROR_CATALOGUE } from '../../errors.js';

export function refusalReason(code: string | null): Bilingual | null {
  if (!code || !Object.hasOwn(ERROR_CATALOGUE, code)) return null;
  return ERROR_CATALOGUE[code as keyof typeof ERROR_CATALOGUE].message;
}
