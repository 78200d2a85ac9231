// The second factors a password sign-in of this user accepts (src/domain/passkey/policy.ts):
// a passkey when they have one, TOTP when enrolled unless the node's policy puts a passkey in its place.
import { passkeyRequiredFor, secondFactors, type SecondFactor } from '../../domain/passkey/policy.js';
import type { Queryable } from '../../storage/db.js';
import { countPasskeysOfUser } from '../../storage/repositories/passkey.repository.js';
import { findPasskeyPolicy } from '../../storage/repositories/passkey-policy.repository.js';
import type { UserRow } from '../../storage/repositories/user.repository.js';

export async function secondFactorsOf(tx: Queryable, user: UserRow): Promise<SecondFactor[]> {
  const [policy, passkeyCount] = await Promise.all([findPasskeyPolicy(tx), countPasskeysOfUser(tx, user.id)]);
  return secondFactors({
    totpEnabled: user.totpEnabled,
    passkeyCount,
    passkeyRequired: passkeyRequiredFor(policy, user.roles),
  });
}
