// Use case: end the current session.
import type { UserActor } from '../../domain/shared/actor.js';
import { appendAudit } from '../../audit/audit-log.js';
import { deleteSession } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';

export async function logout(ctx: ServiceContext, actor: UserActor, tokenHash: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, tokenHash);
    await appendAudit(tx, { actor, action: 'auth.logout', subjectType: 'user', subjectId: actor.userId }, ctx.clock());
  });
}
