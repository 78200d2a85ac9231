// Use cases: start TOTP enrolment (secret + otpauth URI), confirm it with a first code, or turn it off.
import { AppError } from '../../errors.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { checkTotp, newTotpSecret, otpauthUri } from '../../domain/user/totp.js';
import { appendAudit } from '../../audit/audit-log.js';
import { openSecret, sealSecret } from '../../security/secret-box.js';
import { findUserById, saveUser } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';

export async function startTotpEnrolment(ctx: ServiceContext, actor: UserActor): Promise<{ secret: string; otpauthUri: string }> {
  const now = ctx.clock();
  const secret = newTotpSecret();
  return ctx.db.transaction(async (tx) => {
    const user = await findUserById(tx, actor.userId, true);
    if (!user) throw new AppError('USER_NOT_FOUND');
    await saveUser(tx, { ...user, totpPendingEnc: sealSecret(secret, ctx.secrets.masterKey, `totp:${user.id}`), updatedAt: now.toISOString() });
    await appendAudit(tx, { actor, action: 'auth.totp_enrolment_started', subjectType: 'user', subjectId: user.id }, now);
    const issuer = `Crossline ${ctx.config.nodeId.toUpperCase()}`;
    return { secret, otpauthUri: otpauthUri(secret, user.username, issuer) };
  });
}

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
      ...user, totpSecretEnc: user.totpPendingEnc, totpPendingEnc: null, totpEnabled: true, totpLastStep: step, updatedAt: now.toISOString(),
    });
    await appendAudit(tx, { actor, action: 'auth.totp_enabled', subjectType: 'user', subjectId: user.id }, now);
    return null;
  });
  if (refusal) throw refusal;
}

/** Turning TOTP off needs a current code, so a stolen session alone cannot weaken the account. */
export async function disableTotp(ctx: ServiceContext, actor: UserActor, code: string): Promise<void> {
  const now = ctx.clock();
  const refusal = await ctx.db.transaction(async (tx) => {
    const user = await findUserById(tx, actor.userId, true);
    if (!user) return new AppError('USER_NOT_FOUND');
    if (!user.totpEnabled || !user.totpSecretEnc) return new AppError('AUTH_TOTP_NOT_PENDING');
    const secret = openSecret(user.totpSecretEnc, ctx.secrets.masterKey, `totp:${user.id}`);
    if (checkTotp(secret, code, now, user.totpLastStep) == null) return new AppError('AUTH_TOTP_INVALID');
    await saveUser(tx, { ...user, totpSecretEnc: null, totpEnabled: false, totpLastStep: null, updatedAt: now.toISOString() });
    await appendAudit(tx, { actor, action: 'auth.totp_disabled', subjectType: 'user', subjectId: user.id }, now);
    return null;
  });
  if (refusal) throw refusal;
}
