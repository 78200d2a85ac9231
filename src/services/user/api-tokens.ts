// Use cases: create, list and revoke API tokens for automation. The secret is shown once; every
// token has a scope and an expiry (src/domain/user/token-scope.ts).
import { AppError } from '../../errors.js';
import { hasRole, type UserActor } from '../../domain/shared/actor.js';
import { appendAudit } from '../../audit/audit-log.js';
import { hashToken, newId, newSecretToken } from '../../shared/ids.js';
import { decideTokenLifetime, scopeWithin, type TokenScope } from '../../domain/user/token-scope.js';
import {
  findApiToken,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
  type ApiTokenRow,
} from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { presentApiToken, type PublicApiToken } from './present-user.js';

/** The token a request came with, when it came with one: what it may hand on. */
export type MintingToken = { scope: TokenScope; expiresAt: string };

/**
 * Creates a token with a scope and an expiry (default apiTokenDefaultDays, at most
 * apiTokenMaxDays). Made with a token (`parent`), it may have no wider scope and no longer life.
 */
export async function createApiToken(
  ctx: ServiceContext,
  actor: UserActor,
  input: { name: string; scope?: TokenScope; expiresInDays?: number },
  parent: MintingToken | null = null,
): Promise<PublicApiToken & { token: string }> {
  const now = ctx.clock();
  const scope = input.scope ?? 'full';
  if (parent && !scopeWithin(scope, parent.scope)) {
    throw new AppError('AUTH_TOKEN_EXCEEDS_PARENT', { details: { scope, parentScope: parent.scope } });
  }
  const lifetime = decideTokenLifetime(
    now,
    input.expiresInDays,
    {
      defaultDays: ctx.config.apiTokenDefaultDays,
      maxDays: ctx.config.apiTokenMaxDays,
    },
    parent?.expiresAt ?? null,
  );
  if (!lifetime.ok) throw new AppError(lifetime.code, { details: { limit: lifetime.limit } });
  const token = newSecretToken('clt');
  const row: ApiTokenRow = {
    id: newId(),
    userId: actor.userId,
    name: input.name,
    tokenHash: hashToken(token),
    prefix: token.slice(0, 10),
    scope,
    createdAt: now.toISOString(),
    expiresAt: lifetime.expiresAt,
    lastUsedAt: null,
    revokedAt: null,
  };
  await ctx.db.transaction(async (tx) => {
    await insertApiToken(tx, row);
    await appendAudit(
      tx,
      {
        actor,
        action: 'token.created',
        subjectType: 'api_token',
        subjectId: row.id,
        data: { name: row.name, scope, expiresAt: row.expiresAt, viaToken: parent !== null },
      },
      now,
    );
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
