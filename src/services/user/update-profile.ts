// Use case: a user changes their own display name, language or time zone.
import { AppError } from '../../errors.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { isValidTimeZone } from '../../domain/shared/time.js';
import { appendAudit } from '../../audit/audit-log.js';
import { findUserById, saveUser } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { presentUser, type PublicUser } from './present-user.js';

export type ProfileChange = { displayName?: string; locale?: 'en' | 'zh-CN'; timeZone?: string };

export async function updateProfile(ctx: ServiceContext, actor: UserActor, input: ProfileChange): Promise<PublicUser> {
  if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'timeZone', code: 'invalid_time_zone', message: { en: 'Unknown time zone.', zh: '未知的时区。' } }],
    });
  }
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const user = await findUserById(tx, actor.userId, true);
    if (!user) throw new AppError('USER_NOT_FOUND');
    const next = { ...user, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)), updatedAt: now.toISOString() };
    await saveUser(tx, next);
    await appendAudit(tx, { actor, action: 'user.profile_updated', subjectType: 'user', subjectId: user.id, data: { changed: Object.keys(input) } }, now);
    return presentUser(next);
  });
}
