// Use case: end the current session. For a session opened through single sign-on, also says where
// the browser may go to end the IdP's session (src/services/sso/end-session.ts), or null.
import type { UserActor } from '../../domain/shared/actor.js';
import { appendAudit } from '../../audit/audit-log.js';
import { deleteSession } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { ssoEndSessionUrl } from '../sso/end-session.js';

export async function logout(
  ctx: ServiceContext,
  actor: UserActor,
  tokenHash: string,
  postLogoutRedirectUri?: string,
): Promise<{ endSessionUrl: string | null }> {
  // Read before the session goes (its SSO side is deleted with it); asks the IdP's metadata, so outside the transaction.
  const endSessionUrl = await ssoEndSessionUrl(ctx, ctx.db, tokenHash, postLogoutRedirectUri);
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, tokenHash);
    await appendAudit(tx, { actor, action: 'auth.logout', subjectType: 'user', subjectId: actor.userId }, ctx.clock());
  });
  return { endSessionUrl };
}
