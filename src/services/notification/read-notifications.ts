// Use cases: list my notifications (addressed to me or my roles) and mark one read.
import { AppError } from '../../errors.js';
import type { UserActor } from '../../domain/shared/actor.js';
import {
  findNotification, listNotificationsFor, markNotificationRead, type NotificationRow,
} from '../../storage/repositories/notification.repository.js';
import type { ServiceContext } from '../context.js';

export function listMyNotifications(ctx: ServiceContext, actor: UserActor, opts: { limit: number; unreadOnly: boolean }): Promise<NotificationRow[]> {
  return listNotificationsFor(ctx.db, actor.userId, actor.roles, opts.limit, opts.unreadOnly);
}

export async function markRead(ctx: ServiceContext, actor: UserActor, id: string): Promise<void> {
  const n = await findNotification(ctx.db, id);
  const mine = n && (n.recipientUserId === actor.userId || (n.recipientRole && actor.roles.includes(n.recipientRole)));
  if (!mine) throw new AppError('NOT_FOUND');
  await markNotificationRead(ctx.db, id, actor.userId, ctx.clock().toISOString());
}
