// Use case: sign in with password (+ TOTP when enrolled); counts failures and locks the account.
import { AppError } from '../../errors.js';
import { afterFailure, afterSuccess, isLocked } from '../../domain/user/lockout.js';
import { checkTotp } from '../../domain/user/totp.js';
import type { TLogin } from '../../domain/user/schemas.js';
import { appendAudit } from '../../audit/audit-log.js';
import { openSecret } from '../../security/secret-box.js';
import { hashToken, newSecretToken } from '../../shared/ids.js';
import { findUserByUsername, insertSession, saveUser, type UserRow } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { presentUser, type PublicUser } from './present-user.js';

export type LoginResult = { token: string; expiresAt: string; user: PublicUser };

export async function login(ctx: ServiceContext, input: TLogin, source: { ip?: string } = {}): Promise<LoginResult> {
  const now = ctx.clock();
  const found = await findUserByUsername(ctx.db, input.username);
  if (!found) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (found.disabled) throw new AppError('AUTH_ACCOUNT_DISABLED');
  if (isLocked(found, now)) throw new AppError('AUTH_ACCOUNT_LOCKED', { details: { lockedUntil: found.lockedUntil } });
  const passwordOk = await verifyPassword(found.passwordHash, input.password);
  const policy = { threshold: ctx.config.lockoutThreshold, lockMinutes: ctx.config.lockoutMinutes };

  // A refusal is returned, not thrown, so the transaction commits the failure counter.
  const outcome = await ctx.db.transaction(async (tx): Promise<LoginResult | AppError> => {
    const user = (await findUserByUsername(tx, input.username, true))!;
    const refuse = async (code: 'AUTH_INVALID_CREDENTIALS' | 'AUTH_TOTP_INVALID'): Promise<AppError> => {
      const lock = afterFailure(user, policy, now);
      await saveUser(tx, { ...user, ...lock, updatedAt: user.updatedAt });
      await appendAudit(tx, {
        actor: { kind: 'system', partyId: ctx.config.nodeId }, action: 'auth.login_failed', subjectType: 'user',
        subjectId: user.id, data: { reason: code, ip: source.ip ?? null, locked: lock.lockedUntil !== user.lockedUntil },
      }, now);
      return new AppError(lock.lockedUntil && lock.lockedUntil !== user.lockedUntil ? 'AUTH_ACCOUNT_LOCKED' : code);
    };
    if (!passwordOk) return refuse('AUTH_INVALID_CREDENTIALS');
    let totpLastStep = user.totpLastStep;
    if (user.totpEnabled) {
      if (!input.totp) throw new AppError('AUTH_TOTP_REQUIRED');
      const secret = openSecret(user.totpSecretEnc!, ctx.secrets.masterKey, `totp:${user.id}`);
      const step = checkTotp(secret, input.totp, now, user.totpLastStep);
      if (step == null) return refuse('AUTH_TOTP_INVALID');
      totpLastStep = step;
    }
    const token = newSecretToken('cls');
    const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlMinutes * 60_000).toISOString();
    const next: UserRow = { ...user, ...afterSuccess(), totpLastStep };
    await saveUser(tx, next);
    await insertSession(tx, { tokenHash: hashToken(token), userId: user.id, createdAt: now.toISOString(), expiresAt, lastSeenAt: now.toISOString() });
    await appendAudit(tx, {
      actor: { kind: 'user', userId: user.id, name: user.displayName, roles: user.roles, partyId: ctx.config.nodeId },
      action: 'auth.login', subjectType: 'user', subjectId: user.id, data: { ip: source.ip ?? null, totp: user.totpEnabled },
    }, now);
    return { token, expiresAt, user: presentUser(next) };
  });
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}
