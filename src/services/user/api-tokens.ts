// Use cases: create, list and revoke API tokens for automation. The secret is shown once.
import { AppError } from '../../errors.js';
import { hasRole, type UserActor } from '../../domain/shared/actor.js';
import { appendAudit } from '../../audit/audit-log.js';
import { hashToken, newId, newSecretToken } from '../../shared/ids.js';
import { findApiToken, insertApiToken, listApiTokens, revokeApiToken } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { presentApiToken, type PublicApiToken } from './present-user.js';

export async function createApiToken(
  ctx: ServiceContext, actor: UserActor, input: { name: string; expiresInDays?: number },
): Promise<PublicApiToken & { token: string }> {
  const now = ctx.clock();
  const token = newSecretToken('clt');
  const row = {
    id: newId(), userId: actor.userId, name: input.name, tokenHash: hashToken(token), prefix: token.slice(0, 10),
    createdAt: now.toISOString(),
    expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString() : null,
    lastUsedAt: null, revokedAt: null,
  };
  await ctx.db.transaction(async (tx) => {
    await insertApiToken(tx, row);
    await appendAudit(tx, { actor, action: 'token.created', subjectType: 'api_token', subjectId: row.id, data: { name: row.name } }, now);
  });
  return { ...presentApiToken(row), token };
}

/** Admins see every token; others only their own. */
export async function listTokens(ctx: ServiceContext, actor: UserActor): Promise<PublicApiToken[]> {
  const rows = await listApiTokens(ctx.db, hasRole(actor, 'admin') ? undefined : actor.userId);
  return rows.map(presentApiToken);
}

export async function revokeToken(ctx: ServiceContext, actor: UserActor, tokenId: string): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const token = await findApiToken(tx, tokenId);
    // Someone else's token is reported as missing, not forbidden, so ids cannot be probed.
    if (!token || (token.userId !== actor.userId && !hasRole(actor, 'admin'))) throw new AppError('TOKEN_NOT_FOUND');
    await revokeApiToken(tx, tokenId, now.toISOString());
    await appendAudit(tx, { actor, action: 'token.revoked', subjectType: 'api_token', subjectId: tokenId }, now);
  });
}
