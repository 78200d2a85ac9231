// Use case (worker): ask the IdP again about SSO sessions last confirmed more than SSO_RECHECK_MS
// ago — with the refresh token when there is one (a disabled or removed IdP account gets no new
// tokens), else at the userinfo endpoint with the access token. When the IdP refuses, every session
// of that user ends and every API token they made is revoked, audited with provider and subject.
// When the IdP cannot be reached the session is left as it is and asked again at the next round.
import * as oidc from 'openid-client';
import { SSO_RECHECK_MS } from '../../domain/sso/provider.js';
import { appendAudit } from '../../audit/audit-log.js';
import { openSecret, sealSecret } from '../../security/secret-box.js';
import { findSsoProviderById } from '../../storage/repositories/sso-provider.repository.js';
import {
  claimSsoSessionsDue,
  saveSsoSessionTokens,
  type SsoSessionRow,
} from '../../storage/repositories/sso-session.repository.js';
import { deleteUserSessions, revokeUserApiTokens } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { ssoTokenPurpose } from './finish-login.js';
import { oidcConfiguration } from './oidc-client.js';

export type SsoRecheck = { checked: number; revoked: number; unreachable: number };

const BATCH = 50;

type Verdict = 'ok' | 'refused' | 'unreachable';

export async function recheckSsoSessions(ctx: ServiceContext, opts: { recheckMs?: number } = {}): Promise<SsoRecheck> {
  const now = ctx.clock();
  const due = await ctx.db.transaction((tx) =>
    claimSsoSessionsDue(
      tx,
      new Date(now.getTime() - (opts.recheckMs ?? SSO_RECHECK_MS)).toISOString(),
      now.toISOString(),
      BATCH,
    ),
  );
  const result: SsoRecheck = { checked: 0, revoked: 0, unreachable: 0 };
  const refusedUsers = new Set<string>();
  for (const s of due) {
    if (refusedUsers.has(s.userId)) continue;
    result.checked += 1;
    const { verdict, reason } = await askIdp(ctx, s);
    if (verdict === 'unreachable') result.unreachable += 1;
    if (verdict !== 'refused') continue;
    refusedUsers.add(s.userId);
    result.revoked += 1;
    await ctx.db.transaction(async (tx) => {
      await deleteUserSessions(tx, s.userId);
      const tokensRevoked = await revokeUserApiTokens(tx, s.userId, now.toISOString());
      const provider = await findSsoProviderById(tx, s.providerId);
      await appendAudit(
        tx,
        {
          actor: { kind: 'system', partyId: ctx.config.nodeId },
          action: 'auth.sso_sessions_revoked',
          subjectType: 'user',
          subjectId: s.userId,
          data: { sso: { provider: provider?.slug ?? s.providerId, subject: s.subject }, reason, tokensRevoked },
        },
        now,
      );
    });
  }
  return result;
}

async function askIdp(ctx: ServiceContext, s: SsoSessionRow): Promise<{ verdict: Verdict; reason?: string }> {
  const provider = await findSsoProviderById(ctx.db, s.providerId);
  if (!provider) return { verdict: 'refused', reason: 'provider_removed' };
  let config: oidc.Configuration;
  try {
    config = await oidcConfiguration(ctx, provider);
  } catch {
    return { verdict: 'unreachable' };
  }
  const open = (sealed: string | null, kind: 'refresh' | 'access') =>
    sealed ? openSecret(sealed, ctx.secrets.masterKey, ssoTokenPurpose(s.tokenHash, kind)) : null;
  const seal = (value: string | undefined, kind: 'refresh' | 'access') =>
    value ? sealSecret(value, ctx.secrets.masterKey, ssoTokenPurpose(s.tokenHash, kind)) : null;
  try {
    const refreshToken = open(s.refreshTokenEnc, 'refresh');
    if (refreshToken) {
      const tokens = await oidc.refreshTokenGrant(config, refreshToken);
      // The IdP may rotate the refresh token: keep whichever is current.
      await ctx.db.transaction((tx) =>
        saveSsoSessionTokens(tx, s.tokenHash, {
          refreshTokenEnc: seal(tokens.refresh_token, 'refresh') ?? s.refreshTokenEnc,
          accessTokenEnc: seal(tokens.access_token, 'access'),
        }),
      );
      return { verdict: 'ok' };
    }
    const accessToken = open(s.accessTokenEnc, 'access');
    if (accessToken && config.serverMetadata().userinfo_endpoint) {
      await oidc.fetchUserInfo(config, accessToken, s.subject);
      return { verdict: 'ok' };
    }
    // Nothing to ask with: the session runs on the sign-in alone, as a password session does.
    return { verdict: 'ok' };
  } catch (e) {
    // An OAuth error answer (invalid_grant, invalid_token) is the IdP saying no; anything else is the way there.
    if (e instanceof oidc.ResponseBodyError) return { verdict: 'refused', reason: e.error };
    if (e instanceof oidc.WWWAuthenticateChallengeError) return { verdict: 'refused', reason: 'invalid_token' };
    ctx.logger.warn({ err: e, provider: provider.slug }, 'sso: session re-check could not reach the IdP');
    return { verdict: 'unreachable' };
  }
}
