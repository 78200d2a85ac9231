// Where the browser goes after signing out of an SSO session: the IdP's end_session_endpoint (RP-
// initiated logout, with the ID token as hint) when the provider has one, so the IdP session ends
// too; null otherwise. Read before the local session is deleted (its SSO side goes with it).
import * as oidc from 'openid-client';
import { openSecret } from '../../security/secret-box.js';
import { findSsoProviderById } from '../../storage/repositories/sso-provider.repository.js';
import { findSsoSession } from '../../storage/repositories/sso-session.repository.js';
import type { Queryable } from '../../storage/db.js';
import type { ServiceContext } from '../context.js';
import { ssoTokenPurpose } from './finish-login.js';
import { oidcConfiguration } from './oidc-client.js';

export async function ssoEndSessionUrl(
  ctx: ServiceContext,
  db: Queryable,
  tokenHash: string,
  postLogoutRedirectUri: string | undefined,
): Promise<string | null> {
  const session = await findSsoSession(db, tokenHash);
  if (!session) return null;
  const provider = await findSsoProviderById(db, session.providerId);
  if (!provider) return null;
  try {
    const config = await oidcConfiguration(ctx, provider);
    if (!config.serverMetadata().end_session_endpoint) return null;
    const idToken = session.idTokenEnc
      ? openSecret(session.idTokenEnc, ctx.secrets.masterKey, ssoTokenPurpose(tokenHash, 'id'))
      : undefined;
    return oidc.buildEndSessionUrl(config, {
      ...(idToken ? { id_token_hint: idToken } : {}),
      ...(postLogoutRedirectUri ? { post_logout_redirect_uri: postLogoutRedirectUri } : {}),
    }).href;
  } catch (e) {
    // The local session ends whatever the IdP's state: signing out never fails on the IdP's account.
    ctx.logger.warn({ err: e, provider: provider.slug }, 'sso: no end-session address; signing out locally only');
    return null;
  }
}
