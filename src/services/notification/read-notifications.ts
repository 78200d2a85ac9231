// Use cases: list my notifications (addressed to me or my roles) and mark one read.
import { AppError } from '../../errors.js';
import type { UserActor } from '../../domain/shared/actor.js';
import {
  findNotification,
  listNotificationsFor,
  markNotificationRead,
  type ReadNotificationRow,
} from '../../storage/repositories/notification.repository.js';
import { CASE_SUBJECT } from '../case/case-support.js';
import { casesShownTo } from '../case/case-visibility.js';
import type { ServiceContext } from '../context.js';

export async function listMyNotifications(
  ctx: ServiceContext,
  actor: UserActor,
  opts: { limit: number; unreadOnly: boolean },
): Promise<ReadNotificationRow[]> {
  const rows = await listNotificationsFor(ctx.db, actor.userId, actor.roles, opts.limit, opts.unreadOnly);
  // A notification about a case names it (reference, title): it is shown only to those who may see
  // the case now, by the case page's rule — whoever it was addressed to (a role, a former member).
  const caseIds = rows.filter((n) => n.subjectType === CASE_SUBJECT).map((n) => n.subjectId);
  if (caseIds.length === 0) return rows;
  const shown = await casesShownTo(ctx.db, actor, caseIds);
  return rows.filter((n) => n.subjectType !== CASE_SUBJECT || shown.has(n.subjectId));
}

export async function markRead(ctx: ServiceContext, actor: UserActor, id: string): Promise<void> {
  const n = await findNotification(ctx.db, id);
  const mine =
    n &&
    (n.recipientUserId === actor.userId || (n.recipientRole && actor.roles.includes(n.recipientRole))) &&
    (n.subjectType !== CASE_SUBJECT || (await casesShownTo(ctx.db, actor, [n.subjectId])).has(n.subjectId));
  if (!mine) throw new AppError('NOT_FOUND');
  await markNotificationRead(ctx.db, id, actor.userId, ctx.clock().toISOString());
}
