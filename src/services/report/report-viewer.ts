// Who a report is built for: a signed-in user (API, web), or the node operator running the CLI on
// the node's own data directory, who already holds the whole database and so sees all statistics.
import type { UserActor } from '../../domain/shared/actor.js';
import { rolesHave } from '../../domain/user/permissions.js';
import { AppError } from '../../errors.js';
import { findUserByUsername } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';

export type ReportViewer = { kind: 'user'; actor: UserActor } | { kind: 'operator' };

export const OPERATOR: ReportViewer = { kind: 'operator' };

export const asUser = (actor: UserActor): ReportViewer => ({ kind: 'user', actor });

/**
 * The CLI's `--as USERNAME`: reports of cases and requests follow that user's view rules, like
 * the web page would. An unknown, disabled or unpermitted user is refused.
 */
export async function viewerByUsername(ctx: ServiceContext, username: string): Promise<UserActor> {
  const user = await findUserByUsername(ctx.db, username);
  if (!user || user.disabled) throw new AppError('NOT_FOUND', { details: { username } });
  if (!rolesHave(user.roles, 'report:read'))
    throw new AppError('FORBIDDEN', { details: { permission: 'report:read', username } });
  return { kind: 'user', userId: user.id, name: user.displayName, roles: user.roles, partyId: ctx.config.nodeId };
}
