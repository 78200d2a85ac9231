// Resolves a session token or an API token to the acting user; sliding session expiry.
import { AppError } from '../../errors.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { TokenScope } from '../../domain/user/token-scope.js';
import { hashToken } from '../../shared/ids.js';
import {
  deleteSession,
  findApiTokenWithUser,
  findSessionWithUser,
  markApiTokenUsed,
  touchSession,
  type UserRow,
} from '../../storage/repositories/user.repository.js';
import type { PasskeyGateFacts } from '../../storage/repositories/passkey-policy.repository.js';
import type { ServiceContext } from '../context.js';

export type Authenticated = {
  actor: UserActor;
  user: UserRow;
  via: 'session' | 'api_token';
  tokenHash: string;
  /** What the credential may do (src/domain/user/token-scope.ts): a session acts with `full`. */
  scope: TokenScope;
  /** When an API token ends (a token it mints may not outlive it); null for a session. */
  tokenExpiresAt: string | null;
  /** Set for an external party's account (TAXII party account): it may use TAXII and its own settings only. */
  boundParty: string | null;
  /** The language chosen in this browser session; null (and always for API tokens) follows the account's. */
  sessionLocale: string | null;
  /** The passkey policy and whether the user has a passkey, read with the credential (passkey-gate.ts decides). */
  passkeyGate: PasskeyGateFacts;
};

export function toActor(user: UserRow, partyId: string): UserActor {
  return { kind: 'user', userId: user.id, name: user.displayName, roles: user.roles, partyId };
}

/** One query per call: the credential, its user, the user's bound party and the passkey gate's facts. */
export async function authenticate(ctx: ServiceContext, token: string): Promise<Authenticated> {
  const now = ctx.clock();
  const tokenHash = hashToken(token);
  if (token.startsWith('clt_')) {
    // Token and user in one query: every API call pays this lookup.
    const found = await findApiTokenWithUser(ctx.db, tokenHash);
    if (!found || found.token.revokedAt) throw new AppError('UNAUTHENTICATED');
    const { token: apiToken } = found;
    if (new Date(apiToken.expiresAt) <= now) throw new AppError('AUTH_SESSION_EXPIRED');
    const user = activeUser(found.user);
    // Recording use at most once a minute keeps automation from writing on every call.
    if (!apiToken.lastUsedAt || now.getTime() - new Date(apiToken.lastUsedAt).getTime() > 60_000) {
      await markApiTokenUsed(ctx.db, apiToken.id, now.toISOString());
    }
    return {
      actor: toActor(user, ctx.config.nodeId),
      user,
      via: 'api_token',
      tokenHash,
      boundParty: found.boundParty,
      scope: apiToken.scope,
      tokenExpiresAt: apiToken.expiresAt,
      sessionLocale: null,
      passkeyGate: found.passkeyGate,
    };
  }
  const found = await findSessionWithUser(ctx.db, tokenHash);
  if (!found) throw new AppError('UNAUTHENTICATED');
  const { session } = found;
  if (new Date(session.expiresAt) <= now) {
    await deleteSession(ctx.db, tokenHash);
    throw new AppError('AUTH_SESSION_EXPIRED');
  }
  const user = activeUser(found.user);
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > 60_000) {
    const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlMinutes * 60_000).toISOString();
    await touchSession(ctx.db, tokenHash, now.toISOString(), expiresAt);
  }
  return {
    actor: toActor(user, ctx.config.nodeId),
    user,
    via: 'session',
    tokenHash,
    boundParty: found.boundParty,
    scope: 'full',
    tokenExpiresAt: null,
    sessionLocale: session.locale ?? null,
    passkeyGate: found.passkeyGate,
  };
}

function activeUser(user: UserRow): UserRow {
  if (user.disabled) throw new AppError('AUTH_ACCOUNT_DISABLED');
  return user;
}
