// Use case: a user changes their own display name, language or time zone.
import { AppError } from '../../errors.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { isValidTimeZone } from '../../domain/shared/time.js';
import { appendAudit } from '../../audit/audit-log.js';
import { findUserById, saveUser } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { presentUser, type PublicUser } from './present-user.js';

export type ProfileChange = { displayName?: string; locale?: 'en' | 'zh-CN'; timeZone?: string };

const PREFERENCES = ['locale', 'timeZone'];

export async function updateProfile(ctx: ServiceContext, actor: UserActor, input: ProfileChange): Promise<PublicUser> {
  if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        { path: 'timeZone', code: 'invalid_time_zone', message: { en: 'Unknown time zone.', zh: '未知的时区。' } },
      ],
    });
  }
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const user = await findUserById(tx, actor.userId, true);
    if (!user) throw new AppError('USER_NOT_FOUND');
    // Only what really changes is written and logged: re-sending the same language is no event.
    const changes = Object.fromEntries(
      Object.entries(input).filter(([k, v]) => v !== undefined && user[k as keyof typeof user] !== v),
    );
    const changed = Object.keys(changes);
    if (changed.length === 0) return presentUser(user);
    const next = { ...user, ...changes, updatedAt: now.toISOString() };
    await saveUser(tx, next);
    // Language and time zone are the person's preferences, not their identity: logged as such, with
    // the new values, so the audit log does not read as a stream of profile edits (docs/web.md).
    const preferencesOnly = changed.every((k) => PREFERENCES.includes(k));
    await appendAudit(
      tx,
      {
        actor,
        action: preferencesOnly ? 'user.preferences_changed' : 'user.profile_updated',
        subjectType: 'user',
        subjectId: user.id,
        data: preferencesOnly ? { changed, ...changes } : { changed },
      },
      now,
    );
    return presentUser(next);
  });
}
