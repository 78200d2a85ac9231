// Use case: remove one of one's own passkeys. A stolen session alone must not be able to strip an
// account of its passkeys, so removal needs a proof: the account's password (checked like a
// sign-in: one reserved attempt of the lockout budget, a wrong one counts), or a fresh assertion
// of any of the account's passkeys (the one being removed included: it proves the key is at hand).
// The last passkey of a user the node's policy covers cannot be removed.
import { AppError } from '../../errors.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { canRemovePasskey } from '../../domain/passkey/policy.js';
import type { TAuthenticationResponse } from '../../domain/passkey/schemas.js';
import { appendAudit } from '../../audit/audit-log.js';
import {
  countPasskeysOfUser,
  deletePasskey,
  findPasskeyOfUser,
} from '../../storage/repositories/passkey.repository.js';
import { findPasskeyPolicy } from '../../storage/repositories/passkey-policy.repository.js';
import { findUserById } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { reserveAccountAttempt, settleAccountAttempt } from '../user/account-attempts.js';
import { verifyPassword } from '../user/passwords.js';
import { verifyPasskeyAssertion } from './verify-assertion.js';

export type RemovalProof = { password?: string; passkey?: TAuthenticationResponse };

export async function removePasskey(
  ctx: ServiceContext,
  actor: UserActor,
  id: string,
  proof: RemovalProof,
): Promise<void> {
  if (!proof.password && !proof.passkey) throw new AppError('PASSKEY_REMOVAL_PROOF_REQUIRED');
  // Nothing to remove: refused before any proof is checked (and any attempt or challenge is used).
  if (!(await findPasskeyOfUser(ctx.db, actor.userId, id))) throw new AppError('PASSKEY_NOT_FOUND');
  let passwordOk = false;
  if (!proof.passkey) {
    const reserved = await reserveAccountAttempt(ctx, { userId: actor.userId });
    if (!reserved) {
      const user = await findUserById(ctx.db, actor.userId);
      if (!user) throw new AppError('USER_NOT_FOUND');
      throw new AppError('AUTH_ACCOUNT_LOCKED', { details: { lockedUntil: user.lockedUntil } });
    }
    passwordOk = await verifyPassword(reserved.passwordHash, proof.password!);
  }
  const now = ctx.clock();
  // Refusals are returned, not thrown, so the lockout counter and the used challenge are committed.
  const refusal = await ctx.db.transaction(async (tx): Promise<AppError | null> => {
    const user = await findUserById(tx, actor.userId, true);
    if (!user) return new AppError('USER_NOT_FOUND');
    if (proof.passkey) {
      const used = await verifyPasskeyAssertion(tx, ctx, proof.passkey, { purpose: 'confirm', userId: user.id }, now);
      if (used instanceof AppError) return used;
    } else if (!passwordOk) {
      const { locked } = await settleAccountAttempt(tx, ctx.config, user, 'failure', now);
      await appendAudit(
        tx,
        {
          actor,
          action: 'auth.password_check_failed',
          subjectType: 'user',
          subjectId: user.id,
          data: { purpose: 'remove_passkey', locked },
        },
        now,
      );
      return new AppError('AUTH_INVALID_CREDENTIALS');
    } else {
      await settleAccountAttempt(tx, ctx.config, user, 'success', now);
    }
    const passkey = await findPasskeyOfUser(tx, user.id, id, true);
    if (!passkey) return new AppError('PASSKEY_NOT_FOUND');
    const policy = await findPasskeyPolicy(tx);
    if (!canRemovePasskey(policy, user.roles, await countPasskeysOfUser(tx, user.id)))
      return new AppError('PASSKEY_LAST_REQUIRED_BY_POLICY');
    await deletePasskey(tx, passkey.id);
    await appendAudit(
      tx,
      {
        actor,
        action: 'auth.passkey_removed',
        subjectType: 'user',
        subjectId: user.id,
        data: { passkeyId: passkey.id, name: passkey.name, proof: proof.passkey ? 'passkey' : 'password' },
      },
      now,
    );
    return null;
  });
  if (refusal) throw refusal;
}
