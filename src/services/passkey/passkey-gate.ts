// The API gate of the passkey policy: a user whose roles see TLP:RED data and who has no passkey,
// while the policy is on, may use only their own account (permission `self`: profile, passkeys,
// sign-out), with any credential, until they add one. The facts come with the authentication
// (authenticate.ts reads them in the same query as the session), so the gate costs no round trip.
import { AppError } from '../../errors.js';
import type { Role } from '../../domain/shared/roles.js';
import { mustEnrolPasskey } from '../../domain/passkey/policy.js';
import type { PasskeyGateFacts } from '../../storage/repositories/passkey-policy.repository.js';

type Gated = { user: { roles: readonly Role[] }; passkeyGate: PasskeyGateFacts };

export function mustUserEnrolPasskey(auth: Gated): boolean {
  return mustEnrolPasskey(auth.passkeyGate, auth.user.roles, auth.passkeyGate.hasPasskey ? 1 : 0);
}

export function assertPasskeyPolicy(auth: Gated, permission: string): void {
  if (permission === 'self') return;
  if (mustUserEnrolPasskey(auth)) throw new AppError('AUTH_PASSKEY_REQUIRED');
}
