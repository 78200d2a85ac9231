// Use case: sign in with password (+ a second step when the account has one: a TOTP code or a
// passkey, as src/domain/passkey/policy.ts allows). In order: the client's throttles (per address,
// per address and user name), one reserved attempt of the account's lockout budget, the
// password check, then one transaction that settles all of them. Unknown, disabled and locked
// accounts (and accounts whose remaining attempts are all in progress) get a dummy hash checked and
// the same answer as a wrong password, so an answer tells nothing about the account.
import { AppError } from '../../errors.js';
import { checkTotp } from '../../domain/user/totp.js';
import type { SecondFactor } from '../../domain/passkey/policy.js';
import type { TLogin } from '../../domain/user/schemas.js';
import { appendAudit } from '../../audit/audit-log.js';
import { openSecret } from '../../security/secret-box.js';
import { hashToken, newSecretToken } from '../../shared/ids.js';
import { findUserById, insertSession, saveUser, type UserRow } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { secondFactorsOf } from '../passkey/second-factor.js';
import { verifyPasskeyAssertion } from '../passkey/verify-assertion.js';
import { reserveAccountAttempt, settleAccountAttempt } from './account-attempts.js';
import { reserveLoginThrottle, settleLoginThrottleSuccess } from './login-throttle.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { presentUser, type PublicUser } from './present-user.js';

export type LoginResult = { token: string; expiresAt: string; user: PublicUser };

export async function login(ctx: ServiceContext, input: TLogin, source: { ip?: string } = {}): Promise<LoginResult> {
  const client = source.ip ?? 'local';
  await reserveLoginThrottle(ctx, client, input.username);
  const reserved = await reserveAccountAttempt(ctx, { username: input.username });
  // The hash is verified in every case, so the time of an answer does not tell either.
  const passwordOk =
    (await verifyPassword(reserved?.passwordHash ?? (await dummyPasswordHash()), input.password)) && reserved !== null;
  const now = ctx.clock();

  // A refusal is returned, not thrown, so the transaction commits the counters.
  const outcome = await ctx.db.transaction(async (tx): Promise<LoginResult | AppError> => {
    if (!reserved) return new AppError('AUTH_INVALID_CREDENTIALS');
    const user = await findUserById(tx, reserved.id, true);
    if (!user) return new AppError('AUTH_INVALID_CREDENTIALS');
    if (user.disabled) {
      // Disabled while its password was being checked.
      await settleAccountAttempt(tx, ctx.config, user, 'release', now);
      return new AppError('AUTH_INVALID_CREDENTIALS');
    }
    const refuse = async (
      code: 'AUTH_INVALID_CREDENTIALS' | 'AUTH_TOTP_INVALID' | 'AUTH_PASSKEY_INVALID',
    ): Promise<AppError> => {
      const { locked } = await settleAccountAttempt(tx, ctx.config, user, 'failure', now);
      await appendAudit(
        tx,
        {
          actor: { kind: 'system', partyId: ctx.config.nodeId },
          action: 'auth.login_failed',
          subjectType: 'user',
          subjectId: user.id,
          data: { reason: code, ip: source.ip ?? null, locked },
        },
        now,
      );
      // Whether this failure locked the account is not said: the next answers look the same anyway.
      return new AppError(code);
    };
    if (!passwordOk) return refuse('AUTH_INVALID_CREDENTIALS');
    // From here on the password is proven: the client's throttles are given back whatever follows.
    await settleLoginThrottleSuccess(tx, client, input.username, now.getTime());
    let totpLastStep = user.totpLastStep;
    // The second step: a passkey or a TOTP code, as src/domain/passkey/policy.ts (secondFactors) allows.
    const factors = await secondFactorsOf(tx, user);
    let secondFactor: SecondFactor | null = null;
    if (factors.length > 0) {
      if (input.passkey && factors.includes('passkey')) {
        const used = await verifyPasskeyAssertion(
          tx,
          ctx,
          input.passkey,
          { purpose: 'second_factor', userId: user.id },
          now,
        );
        if (used instanceof AppError) return refuse('AUTH_PASSKEY_INVALID');
        secondFactor = 'passkey';
      } else if (input.totp && factors.includes('totp')) {
        const secret = openSecret(user.totpSecretEnc!, ctx.secrets.masterKey, `totp:${user.id}`);
        const step = checkTotp(secret, input.totp, now, user.totpLastStep);
        if (step == null) return refuse('AUTH_TOTP_INVALID');
        totpLastStep = step;
        secondFactor = 'totp';
      } else {
        await settleAccountAttempt(tx, ctx.config, user, 'release', now);
        const passkey = factors.includes('passkey');
        return factors.includes('totp')
          ? new AppError('AUTH_TOTP_REQUIRED', { details: { passkey } })
          : new AppError('AUTH_PASSKEY_CONFIRM_REQUIRED');
      }
    }
    const settled = await settleAccountAttempt(tx, ctx.config, user, 'success', now);
    const token = newSecretToken('cls');
    const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlMinutes * 60_000).toISOString();
    const next: UserRow = { ...settled.user, totpLastStep };
    await saveUser(tx, next);
    await insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now.toISOString(),
      expiresAt,
      lastSeenAt: now.toISOString(),
      locale: input.locale ?? null,
    });
    await appendAudit(
      tx,
      {
        actor: { kind: 'user', userId: user.id, name: user.displayName, roles: user.roles, partyId: ctx.config.nodeId },
        action: 'auth.login',
        subjectType: 'user',
        subjectId: user.id,
        data: { ip: source.ip ?? null, totp: secondFactor === 'totp', secondFactor },
      },
      now,
    );
    return { token, expiresAt, user: presentUser(next) };
  });
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}
