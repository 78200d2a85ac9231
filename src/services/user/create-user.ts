// Use case: an admin (or `crossline users add`) creates a user with roles and a password.
import { AppError } from '../../errors.js';
import type { Actor } from '../../domain/shared/actor.js';
import { isValidTimeZone } from '../../domain/shared/time.js';
import type { TCreateUser } from '../../domain/user/schemas.js';
import { appendAudit } from '../../audit/audit-log.js';
import { newId } from '../../shared/ids.js';
import { findUserByUsername, insertUser, type UserRow } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { checkPasswordStrength, hashPassword } from './passwords.js';
import { presentUser, type PublicUser } from './present-user.js';

export async function createUser(ctx: ServiceContext, actor: Actor, input: TCreateUser): Promise<PublicUser> {
  checkPasswordStrength(input.password);
  if (!isValidTimeZone(input.timeZone)) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        { path: 'timeZone', code: 'invalid_time_zone', message: { en: 'Unknown time zone.', zh: '未知的时区。' } },
      ],
    });
  }
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock();
  const user: UserRow = {
    id: newId(),
    username: input.username,
    displayName: input.displayName,
    email: input.email ?? null,
    roles: [...new Set(input.roles)],
    passwordHash,
    locale: input.locale,
    timeZone: input.timeZone,
    totpSecretEnc: null,
    totpPendingEnc: null,
    totpEnabled: false,
    totpLastStep: null,
    failedAttempts: 0,
    lockedUntil: null,
    pendingAttempts: 0,
    pendingUntil: null,
    disabled: false,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  await ctx.db.transaction(async (tx) => {
    if (await findUserByUsername(tx, user.username)) throw new AppError('USER_USERNAME_TAKEN');
    await insertUser(tx, user);
    await appendAudit(
      tx,
      {
        actor,
        action: 'user.created',
        subjectType: 'user',
        subjectId: user.id,
        data: { username: user.username, roles: user.roles },
      },
      now,
    );
  });
  return presentUser(user);
}
