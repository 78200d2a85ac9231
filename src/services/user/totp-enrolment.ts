// Use cases: start TOTP enrolment (secret + otpauth URI), confirm it with a first code, or turn it off.
// While TOTP is on, replacing the authenticator and turning it off both need a current code of the
// enrolled one, so a stolen session alone can neither weaken the account nor take its second factor
// over. Such a code is checked like a password at sign-in: one reserved attempt of the account's
// lockout budget (account-attempts.ts), so wrong codes lock the account and parallel guesses get at
// most lockoutThreshold codes checked.
import { AppError } from '../../errors.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { checkTotp, newTotpSecret, otpauthUri } from '../../domain/user/totp.js';
import { appendAudit } from '../../audit/audit-log.js';
import { openSecret, sealSecret } from '../../security/secret-box.js';
import type { Queryable } from '../../storage/db.js';
import { findUserById, saveUser, type UserRow } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { reserveAccountAttempt, settleAccountAttempt } from './account-attempts.js';

type Purpose = 'reenrol' | 'disable';

/**
 * Checks a current code of the enrolled authenticator within one reserved attempt, then runs
 * `onProven` in the same transaction with the user row (its code's step now used up).
 */
async function withCurrentCode<T>(
  ctx: ServiceContext,
  actor: UserActor,
  code: string,
  purpose: Purpose,
  onProven: (tx: Queryable, user: UserRow, now: Date) => Promise<T>,
): Promise<T> {
  const reserved = await reserveAccountAttempt(ctx, { userId: actor.userId });
  if (!reserved) {
    const user = await findUserById(ctx.db, actor.userId);
    if (!user) throw new AppError('USER_NOT_FOUND');
    // The caller is signed in as this user: saying the account is locked tells them nothing new.
    throw new AppError('AUTH_ACCOUNT_LOCKED', { details: { lockedUntil: user.lockedUntil } });
  }
  const now = ctx.clock();
  // Refusals are returned, not thrown, so the transaction commits the failure counter.
  const outcome = await ctx.db.transaction(async (tx): Promise<{ value: T } | AppError> => {
    const user = await findUserById(tx, actor.userId, true);
    if (!user) return new AppError('USER_NOT_FOUND');
    if (!user.totpEnabled || !user.totpSecretEnc) {
      await settleAccountAttempt(tx, ctx.config, user, 'release', now);
      return new AppError('AUTH_TOTP_NOT_PENDING');
    }
    const secret = openSecret(user.totpSecretEnc, ctx.secrets.masterKey, `totp:${user.id}`);
    const step = checkTotp(secret, code, now, user.totpLastStep);
    if (step == null) {
      const { locked } = await settleAccountAttempt(tx, ctx.config, user, 'failure', now);
      await appendAudit(
        tx,
        { actor, action: 'auth.totp_code_failed', subjectType: 'user', subjectId: user.id, data: { purpose, locked } },
        now,
      );
      return new AppError('AUTH_TOTP_INVALID');
    }
    const settled = await settleAccountAttempt(tx, ctx.config, user, 'success', now);
    return { value: await onProven(tx, { ...settled.user, totpLastStep: step }, now) };
  });
  if (outcome instanceof AppError) throw outcome;
  return outcome.value;
}

/** Starts enrolment: a new secret, kept pending until confirmed. With TOTP on, `code` must be a current one. */
export async function startTotpEnrolment(
  ctx: ServiceContext,
  actor: UserActor,
  input: { code?: string } = {},
): Promise<{ secret: string; otpauthUri: string }> {
  const secret = newTotpSecret();
  const issuer = `Crossline ${ctx.config.nodeId.toUpperCase()}`;
  const begin = async (tx: Queryable, user: UserRow, now: Date) => {
    await saveUser(tx, {
      ...user,
      totpPendingEnc: sealSecret(secret, ctx.secrets.masterKey, `totp:${user.id}`),
      updatedAt: now.toISOString(),
    });
    await appendAudit(
      tx,
      {
        actor,
        action: 'auth.totp_enrolment_started',
        subjectType: 'user',
        subjectId: user.id,
        data: { replacing: user.totpEnabled },
      },
      now,
    );
    return { secret, otpauthUri: otpauthUri(secret, user.username, issuer) };
  };
  const current = await findUserById(ctx.db, actor.userId);
  if (!current) throw new AppError('USER_NOT_FOUND');
  if (current.totpEnabled) {
    if (!input.code) throw new AppError('AUTH_TOTP_REQUIRED');
    return withCurrentCode(ctx, actor, input.code, 'reenrol', begin);
  }
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const user = await findUserById(tx, actor.userId, true);
    if (!user) throw new AppError('USER_NOT_FOUND');
    // Turned on meanwhile (another tab): the same rule as above applies.
    if (user.totpEnabled) throw new AppError('AUTH_TOTP_REQUIRED');
    return begin(tx, user, now);
  });
}

/**
 * Confirms the pending secret with its first code. The pending secret was just shown to this
 * session, so its code proves nothing against an attacker: a wrong one is not counted toward lockout.
 */
export async function confirmTotpEnrolment(ctx: ServiceContext, actor: UserActor, code: string): Promise<void> {
  const now = ctx.clock();
  const refusal = await ctx.db.transaction(async (tx) => {
    const user = await findUserById(tx, actor.userId, true);
    if (!user) return new AppError('USER_NOT_FOUND');
    if (!user.totpPendingEnc) return new AppError('AUTH_TOTP_NOT_PENDING');
    const secret = openSecret(user.totpPendingEnc, ctx.secrets.masterKey, `totp:${user.id}`);
    const step = checkTotp(secret, code, now);
    if (step == null) return new AppError('AUTH_TOTP_INVALID');
    await saveUser(tx, {
      ...user,
      totpSecretEnc: user.totpPendingEnc,
      totpPendingEnc: null,
      totpEnabled: true,
      totpLastStep: step,
      updatedAt: now.toISOString(),
    });
    await appendAudit(tx, { actor, action: 'auth.totp_enabled', subjectType: 'user', subjectId: user.id }, now);
    return null;
  });
  if (refusal) throw refusal;
}

/** Turning TOTP off needs a current code, so a stolen session alone cannot weaken the account. */
export async function disableTotp(ctx: ServiceContext, actor: UserActor, code: string): Promise<void> {
  await withCurrentCode(ctx, actor, code, 'disable', async (tx, user, now) => {
    await saveUser(tx, {
      ...user,
      totpSecretEnc: null,
      totpPendingEnc: null,
      totpEnabled: false,
      totpLastStep: null,
      updatedAt: now.toISOString(),
    });
    await appendAudit(tx, { actor, action: 'auth.totp_disabled', subjectType: 'user', subjectId: user.id }, now);
  });
}
