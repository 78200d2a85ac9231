// Who must have a passkey, which second factors a sign-in accepts, and who may set the node's
// passkey policy. The policy ("require a passkey for roles that see TLP:RED data") names no roles
// itself: the roles are those whose permissions read records that carry a TLP marking (cases,
// their evidence, knowledge articles), so a change of the role table carries over.
import type { Role } from '../shared/roles.js';
import { ROLES } from '../shared/roles.js';
import { rolesHave, type Permission } from '../user/permissions.js';

export type PasskeyPolicy = {
  /** Users whose roles see TLP:RED data must have a passkey; until they add one only their own account is open to them. */
  requireForRedRoles: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
};

export const DEFAULT_PASSKEY_POLICY: PasskeyPolicy = { requireForRedRoles: false, updatedAt: null, updatedBy: null };

/** Permissions that read TLP-marked records, TLP:RED ones included (for members / readers). */
export const RED_DATA_PERMISSIONS: readonly Permission[] = ['case:read', 'evidence:read', 'knowledge:read'];

/** Most passkeys one account may hold (each is a row checked at every passkey sign-in). */
export const MAX_PASSKEYS_PER_USER = 20;

export function seesRedData(roles: readonly Role[]): boolean {
  return RED_DATA_PERMISSIONS.some((p) => rolesHave(roles, p));
}

/** The roles the policy covers (shown on the policy page). */
export function rolesSeeingRed(): Role[] {
  return ROLES.filter((r) => seesRedData([r]));
}

export function passkeyRequiredFor(policy: Pick<PasskeyPolicy, 'requireForRedRoles'>, roles: readonly Role[]): boolean {
  return policy.requireForRedRoles && seesRedData(roles);
}

/** The user must add a passkey before anything but their own account is open to them. */
export function mustEnrolPasskey(
  policy: Pick<PasskeyPolicy, 'requireForRedRoles'>,
  roles: readonly Role[],
  passkeyCount: number,
): boolean {
  return passkeyCount === 0 && passkeyRequiredFor(policy, roles);
}

export type SecondFactor = 'totp' | 'passkey';

/**
 * The second factors a password sign-in accepts; none means the password alone signs in. A
 * passkey always counts. TOTP counts unless the policy requires a passkey of this user and they
 * have one: then the passkey takes TOTP's place. A user the policy covers who has no passkey yet
 * still signs in with TOTP (and is then sent to add one).
 */
export function secondFactors(user: {
  totpEnabled: boolean;
  passkeyCount: number;
  passkeyRequired: boolean;
}): SecondFactor[] {
  const out: SecondFactor[] = [];
  if (user.passkeyCount > 0) out.push('passkey');
  if (user.totpEnabled && !(user.passkeyRequired && user.passkeyCount > 0)) out.push('totp');
  return out;
}

export function canSetPasskeyPolicy(roles: readonly Role[]): boolean {
  return roles.includes('admin') || roles.includes('supervisor');
}

/** Removing a passkey must not leave a user the policy covers without one. */
export function canRemovePasskey(
  policy: Pick<PasskeyPolicy, 'requireForRedRoles'>,
  roles: readonly Role[],
  passkeyCount: number,
): boolean {
  return !(passkeyCount <= 1 && passkeyRequiredFor(policy, roles));
}
