// Use case: sign in with a passkey alone (no user name, no password). The passkey names its
// account; the same rules as a password sign-in apply: the client's throttles (per address, and
// per address and account), one reserved attempt of the account's lockout budget, a failure that
// counts and is audited, the same session (lifetime, language) and audit entry. User verification
// (PIN, biometrics) is required, so the passkey is two factors on its own. An unknown passkey, a
// disabled or a locked account get the same answer as a wrong signature.
import { AppError } from '../../errors.js';
import type { TAuthenticationResponse } from '../../domain/passkey/schemas.js';
import { appendAudit } from '../../audit/audit-log.js';
import { hashToken, newSecretToken } from '../../shared/ids.js';
import { findPasskeyByCredentialId } from '../../storage/repositories/passkey.repository.js';
import { findUserById, insertSession } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { reserveAccountAttempt, settleAccountAttempt } from '../user/account-attempts.js';
import type { LoginResult } from '../user/login.js';
import { reserveLoginThrottle, settleLoginThrottleSuccess } from '../user/login-throttle.js';
import { presentUser } from '../user/present-user.js';
import { takeChallenge } from './challenges.js';
import { verifyPasskeyAssertion } from './verify-assertion.js';

export async function loginWithPasskey(
  ctx: ServiceContext,
  input: { response: TAuthenticationResponse; locale?: 'en' | 'zh-CN' },
  source: { ip?: string } = {},
): Promise<LoginResult> {
  const client = source.ip ?? 'local';
  const known = await findPasskeyByCredentialId(ctx.db, input.response.id);
  const owner = known ? await findUserById(ctx.db, known.userId) : null;
  // The throttle's second key is the account when the passkey names one, else the unknown credential.
  const throttleName = owner?.username ?? `passkey:${input.response.id.slice(0, 48)}`;
  await reserveLoginThrottle(ctx, client, throttleName);
  const reserved = owner ? await reserveAccountAttempt(ctx, { userId: owner.id }) : null;
  const now = ctx.clock();

  // A refusal is returned, not thrown, so the transaction commits the counters and the used challenge.
  const outcome = await ctx.db.transaction(async (tx): Promise<LoginResult | AppError> => {
    if (!reserved) {
      await takeChallenge(tx, input.response.response.clientDataJSON, 'login', null, now);
      return new AppError('AUTH_PASSKEY_INVALID');
    }
    const user = await findUserById(tx, reserved.id, true);
    if (!user) return new AppError('AUTH_PASSKEY_INVALID');
    if (user.disabled) {
      await settleAccountAttempt(tx, ctx.config, user, 'release', now);
      return new AppError('AUTH_PASSKEY_INVALID');
    }
    const used = await verifyPasskeyAssertion(tx, ctx, input.response, { purpose: 'login', userId: user.id }, now);
    if (used instanceof AppError) {
      const { locked } = await settleAccountAttempt(tx, ctx.config, user, 'failure', now);
      await appendAudit(
        tx,
        {
          actor: { kind: 'system', partyId: ctx.config.nodeId },
          action: 'auth.login_failed',
          subjectType: 'user',
          subjectId: user.id,
          data: { reason: used.code, method: 'passkey', ip: source.ip ?? null, locked },
        },
        now,
      );
      return new AppError('AUTH_PASSKEY_INVALID');
    }
    await settleLoginThrottleSuccess(tx, client, throttleName, now.getTime());
    const settled = await settleAccountAttempt(tx, ctx.config, user, 'success', now);
    const token = newSecretToken('cls');
    const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlMinutes * 60_000).toISOString();
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
        data: { ip: source.ip ?? null, method: 'passkey', passkeyId: used.id, totp: false },
      },
      now,
    );
    return { token, expiresAt, user: presentUser(settled.user) };
  });
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}
