// The OpenID Connect client for one provider (openid-client): discovery of the issuer's metadata,
// kept for a few minutes per provider version, and the translation of the library's failures into
// the node's refusal codes. Every check of the IdP's answers (state, nonce, PKCE, iss, aud, exp,
// signature) is the library's; this module only decides what to call them.
import * as oidc from 'openid-client';
import { AppError } from '../../errors.js';
import type { SsoProvider } from '../../domain/sso/provider.js';
import type { SsoErrorCode } from '../../domain/sso/errors.js';
import { openSecret } from '../../security/secret-box.js';
import type { ServiceContext } from '../context.js';

const DISCOVERY_TTL_MS = 10 * 60_000;
const cache = new Map<string, { config: oidc.Configuration; at: number }>();

/** The purpose a provider's client secret is sealed under (secret-box.ts binds it as AAD). */
export function clientSecretPurpose(providerId: string): string {
  return `sso-client-secret:${providerId}`;
}

/** The provider's metadata and this node's client, from discovery (cached; a changed provider is a new key). */
export async function oidcConfiguration(ctx: ServiceContext, provider: SsoProvider): Promise<oidc.Configuration> {
  const key = `${provider.id}:${provider.version}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const secret = provider.clientSecretEnc
    ? openSecret(provider.clientSecretEnc, ctx.secrets.masterKey, clientSecretPurpose(provider.id))
    : undefined;
  const issuer = new URL(provider.issuer);
  try {
    const config = await oidc.discovery(
      issuer,
      provider.clientId,
      secret === undefined ? undefined : { client_secret: secret },
      secret === undefined ? oidc.None() : oidc.ClientSecretBasic(secret),
      // Plain http is only ever allowed for an IdP on this machine (issuerAllowed, src/domain/sso/provider.ts).
      { ...(issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}), timeout: 10 },
    );
    for (const k of cache.keys()) if (k.startsWith(`${provider.id}:`)) cache.delete(k);
    cache.set(key, { config, at: Date.now() });
    return config;
  } catch (e) {
    throw oidcFailure(e);
  }
}

function codeOf(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

function claimOf(e: unknown): string | undefined {
  // ClientError → OperationProcessingError → { claim }
  let at: unknown = e;
  for (let i = 0; i < 3 && at && typeof at === 'object'; i++) {
    if ('claim' in at && typeof at.claim === 'string') return at.claim;
    at = 'cause' in at ? at.cause : undefined;
  }
  return undefined;
}

/** An openid-client failure as the node's refusal (the original kept as the cause, for the log). */
export function oidcFailure(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = codeOf(e);
  const claim = claimOf(e);
  const refuse = (c: SsoErrorCode, details?: Record<string, unknown>) =>
    new AppError(c, { cause: e, ...(details ? { details } : {}) });
  if (e instanceof oidc.AuthorizationResponseError) return refuse('SSO_IDP_ERROR', { idpError: e.error });
  if (e instanceof oidc.ResponseBodyError) return refuse('SSO_IDP_ERROR', { idpError: e.error });
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED')
    return refuse(claim === 'exp' ? 'SSO_TOKEN_EXPIRED' : 'SSO_TOKEN_INVALID', { claim });
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED')
    return refuse(claim === 'aud' || claim === 'azp' ? 'SSO_TOKEN_AUDIENCE' : 'SSO_TOKEN_INVALID', { claim });
  if (
    code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED' ||
    code === 'OAUTH_INVALID_RESPONSE' ||
    code === 'OAUTH_KEY_SELECTION_FAILED' ||
    code === 'OAUTH_PARSE_ERROR' ||
    code === 'OAUTH_INVALID_REQUEST'
  )
    return refuse('SSO_TOKEN_INVALID', { reason: code });
  if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || code === 'OAUTH_RESPONSE_IS_NOT_JSON')
    return refuse('SSO_IDP_UNREACHABLE', { reason: code });
  // fetch failures (refused connection, DNS, timeout) and the library's other complaints on the way to the IdP.
  if (
    e instanceof oidc.ClientError ||
    e instanceof TypeError ||
    (e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError'))
  ) {
    return refuse('SSO_IDP_UNREACHABLE', { reason: code ?? e.name });
  }
  // Not the IdP's doing (the database, a bug): an internal error, logged as such by the route.
  return new AppError('INTERNAL', { cause: e });
}
