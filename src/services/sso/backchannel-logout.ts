// Use case: the IdP says a session ended (OpenID Connect Back-Channel Logout 1.0). Its logout token
// is a JWT signed with the IdP's keys (its discovered JWKS) for this node's client: issuer,
// audience, age (at most 5 minutes), the logout event, no nonce, and a `sub` or `sid` are checked;
// then the sessions it names end at once, audited with provider and subject.
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from '../../errors.js';
import { appendAudit } from '../../audit/audit-log.js';
import { findSsoProviderBySlug } from '../../storage/repositories/sso-provider.repository.js';
import { deleteSessionsNamedByIdp } from '../../storage/repositories/sso-session.repository.js';
import type { ServiceContext } from '../context.js';
import { oidcConfiguration } from './oidc-client.js';

const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
const MAX_AGE_S = 300;
const jwksByUri = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

export async function backchannelLogout(
  ctx: ServiceContext,
  slug: string,
  logoutToken: string,
): Promise<{ usersSignedOut: number }> {
  const provider = await findSsoProviderBySlug(ctx.db, slug);
  if (!provider) throw new AppError('SSO_PROVIDER_NOT_FOUND');
  const config = await oidcConfiguration(ctx, provider);
  const jwksUri = config.serverMetadata().jwks_uri;
  if (!jwksUri) throw new AppError('SSO_LOGOUT_TOKEN_INVALID', { details: { reason: 'no jwks_uri' } });
  let jwks = jwksByUri.get(jwksUri);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(jwksUri));
    jwksByUri.set(jwksUri, jwks);
  }
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(logoutToken, jwks, {
      issuer: config.serverMetadata().issuer,
      audience: provider.clientId,
      maxTokenAge: MAX_AGE_S,
      clockTolerance: 30,
      currentDate: ctx.clock(),
    }));
  } catch (e) {
    throw new AppError('SSO_LOGOUT_TOKEN_INVALID', {
      cause: e,
      details: { reason: e instanceof Error ? e.message : 'unverified' },
    });
  }
  const events = claims.events as Record<string, unknown> | undefined;
  const sub = typeof claims.sub === 'string' ? claims.sub : null;
  const sid = typeof claims.sid === 'string' ? claims.sid : null;
  if (!events || typeof events[LOGOUT_EVENT] !== 'object' || 'nonce' in claims || (!sub && !sid)) {
    throw new AppError('SSO_LOGOUT_TOKEN_INVALID', { details: { reason: 'not a logout token' } });
  }
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const users = await deleteSessionsNamedByIdp(tx, provider.id, { subject: sub, sid });
    for (const userId of users) {
      await appendAudit(
        tx,
        {
          actor: { kind: 'system', partyId: ctx.config.nodeId },
          action: 'auth.sso_backchannel_logout',
          subjectType: 'user',
          subjectId: userId,
          data: { sso: { provider: provider.slug, subject: sub, sid } },
        },
        now,
      );
    }
    return { usersSignedOut: users.length };
  });
}
