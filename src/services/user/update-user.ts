// Use case: an admin changes a user's roles, name, password or state (disable, unlock), or resets
// their second factors after a lost device (TOTP off, every passkey removed; docs/security.md).
import { AppError } from '../../errors.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { TUpdateUser } from '../../domain/user/schemas.js';
import { appendAudit } from '../../audit/audit-log.js';
import {
  countActiveAdmins,
  deleteUserSessions,
  findUserById,
  revokeUserApiTokens,
  saveUser,
} from '../../storage/repositories/user.repository.js';
import { deletePasskeysOfUser } from '../../storage/repositories/passkey.repository.js';
import type { ServiceContext } from '../context.js';
import { recordSelfGrant } from '../notification/self-grant-notice.js';
import { checkPasswordStrength, hashPassword } from './passwords.js';
import { presentUser, type PublicUser } from './present-user.js';

export async function updateUser(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
  input: TUpdateUser,
): Promise<PublicUser> {
  if (input.password !== undefined) checkPasswordStrength(input.password);
  // One's own factors are removed from the account page, with a proof (remove-passkey.ts): a stolen
  // admin session must not be able to strip its own account of them here.
  if (input.resetSecondFactors && actor.kind === 'user' && actor.userId === userId)
    throw new AppError('USER_RESET_OWN_SECOND_FACTORS');
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const user = await findUserById(tx, userId, true);
    if (!user) throw new AppError('USER_NOT_FOUND');
    const next = { ...user, updatedAt: now.toISOString() };
    if (input.displayName !== undefined) next.displayName = input.displayName;
    if (input.email !== undefined) next.email = input.email;
    if (input.roles !== undefined) next.roles = [...new Set(input.roles)];
    if (input.disabled !== undefined) next.disabled = input.disabled;
    if (passwordHash) next.passwordHash = passwordHash;
    if (input.unlock) {
      next.failedAttempts = 0;
      next.lockedUntil = null;
    }
    const totpWasOn = user.totpEnabled;
    if (input.resetSecondFactors) {
      next.totpEnabled = false;
      next.totpSecretEnc = null;
      next.totpPendingEnc = null;
      next.totpLastStep = null;
    }
    const losesAdmin =
      user.roles.includes('admin') && !user.disabled && (!next.roles.includes('admin') || next.disabled);
    if (losesAdmin && (await countActiveAdmins(tx, user.id)) === 0) throw new AppError('USER_LAST_ADMIN');
    await saveUser(tx, next);
    const passkeysRemoved = input.resetSecondFactors ? await deletePasskeysOfUser(tx, user.id) : 0;
    // A disabled user, a changed password or reset second factors end every open session at once, and
    // revoke every API token: whoever held the old password or the lost device may have made some
    // (re-enabling does not bring them back).
    let tokensRevoked = 0;
    if (next.disabled || passwordHash || input.resetSecondFactors) {
      await deleteUserSessions(tx, user.id);
      tokensRevoked = await revokeUserApiTokens(tx, user.id, now.toISOString());
    }
    const changed = Object.keys(input).filter((k) => k !== 'password');
    await appendAudit(
      tx,
      {
        actor,
        action: 'user.updated',
        subjectType: 'user',
        subjectId: user.id,
        data: {
          changed: input.password !== undefined ? [...changed, 'password'] : changed,
          roles: next.roles,
          disabled: next.disabled,
          ...(tokensRevoked ? { tokensRevoked } : {}),
          ...(input.resetSecondFactors ? { secondFactorsReset: { totp: totpWasOn, passkeys: passkeysRemoved } } : {}),
        },
      },
      now,
    );
    // An admin giving themselves a role (investigator, supervisor …) is audited and told to every supervisor.
    const added = next.roles.filter((r) => !user.roles.includes(r));
    if (actor.kind === 'user' && actor.userId === user.id && added.length > 0)
      await recordSelfGrant(tx, actor, { grant: 'roles', added }, now);
    return presentUser(next);
  });
}
