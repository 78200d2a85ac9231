// Use case: begin an SSO sign-in. A random state, nonce and PKCE verifier are kept in the database
// (sso_login_flights: short-lived, taken once, so any process of the node may receive the callback)
// with the hash of a binding value that goes to this browser as a cookie: a callback carried to
// another browser (login CSRF, a stolen link) finds no matching binding and is refused. Each client
// address has a bucket of starts (SSO_START_POLICY), since each stores a row.
import * as oidc from 'openid-client';
import { AppError } from '../../errors.js';
import { SSO_FLIGHT_MS, SSO_START_POLICY } from '../../domain/sso/provider.js';
import { takeToken } from '../../domain/public-report/token-bucket.js';
import { hashToken, newSecretToken } from '../../shared/ids.js';
import { findSsoProviderBySlug } from '../../storage/repositories/sso-provider.repository.js';
import { deleteExpiredSsoFlights, insertSsoFlight } from '../../storage/repositories/sso-session.repository.js';
import { lockBucket, saveBucket } from '../../storage/repositories/rate-limit.repository.js';
import type { ServiceContext } from '../context.js';
import { oidcConfiguration } from './oidc-client.js';

export type SsoStart = { authorizationUrl: string; binding: string; expiresAt: string };

export async function startSsoLogin(
  ctx: ServiceContext,
  slug: string,
  input: { redirectUri: string; locale?: 'en' | 'zh-CN'; client?: string },
): Promise<SsoStart> {
  await takeStartToken(ctx, input.client ?? 'local');
  const provider = await findSsoProviderBySlug(ctx.db, slug);
  if (!provider || !provider.enabled) throw new AppError('SSO_PROVIDER_NOT_FOUND');
  const config = await oidcConfiguration(ctx, provider);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const binding = newSecretToken('clsso');
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + SSO_FLIGHT_MS).toISOString();
  await ctx.db.transaction(async (tx) => {
    // Sign-ins abandoned at the IdP are cleared here, where new ones are made (indexed, usually none).
    await deleteExpiredSsoFlights(tx, now);
    await insertSsoFlight(tx, {
      stateHash: hashToken(state),
      providerId: provider.id,
      bindingHash: hashToken(binding),
      nonce,
      codeVerifier,
      redirectUri: input.redirectUri,
      locale: input.locale ?? null,
      expiresAt,
    });
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: input.redirectUri,
    scope: provider.scopes.join(' '),
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...(input.locale ? { ui_locales: input.locale } : {}),
  });
  return { authorizationUrl: url.href, binding, expiresAt };
}

/** Anyone may start a sign-in, and each stores a row: one bucket per client address bounds that. */
async function takeStartToken(ctx: ServiceContext, client: string): Promise<void> {
  const now = ctx.clock().getTime();
  const decision = await ctx.db.transaction(async (tx) => {
    const state = await lockBucket(tx, 'sso_start', client, { tokens: SSO_START_POLICY.capacity, at: now });
    const d = takeToken(state, SSO_START_POLICY, now);
    await saveBucket(tx, 'sso_start', client, d.state);
    return d;
  });
  if (!decision.allowed)
    throw new AppError('SSO_RATE_LIMITED', { details: { retryAfterSeconds: decision.retryAfterSeconds } });
}
