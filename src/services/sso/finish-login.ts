// Use case: the IdP sends the browser back with a code. In order: the flight is taken (state, once)
// and checked against this browser's binding; openid-client redeems the code with the PKCE verifier
// and checks the ID token (signature, iss, aud, exp, nonce); the claims name the subject, the user
// name and the roles; one transaction then decides (decideSsoLogin), links or creates the local
// user, opens the same session a password sign-in opens, and audits provider and subject. A refusal
// that reaches a known provider is audited too (like a failed password sign-in) and thrown after commit.
import * as oidc from 'openid-client';
import { AppError, isAppError } from '../../errors.js';
import {
  decideSsoLogin,
  displayNameFromClaims,
  emailFromClaims,
  mapRoles,
  usernameFromClaims,
  type Claims,
  type SsoProvider,
  type SsoRefusalCode,
} from '../../domain/sso/provider.js';
import { appendAudit } from '../../audit/audit-log.js';
import { sealSecret } from '../../security/secret-box.js';
import { hashToken, newId, newSecretToken } from '../../shared/ids.js';
import type { Queryable } from '../../storage/db.js';
import { findSsoProviderBySlug } from '../../storage/repositories/sso-provider.repository.js';
import {
  findSsoIdentity,
  insertSsoIdentity,
  insertSsoSession,
  takeSsoFlight,
  touchSsoIdentity,
  userHasSsoIdentity,
} from '../../storage/repositories/sso-session.repository.js';
import {
  findUserById,
  findUserByUsername,
  insertSession,
  insertUser,
  saveUser,
  type UserRow,
} from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { hashPassword } from '../user/passwords.js';
import { presentUser } from '../user/present-user.js';
import type { LoginResult } from '../user/login.js';
import { oidcConfiguration, oidcFailure } from './oidc-client.js';

export type SsoCallback = {
  slug: string;
  /** The query string the IdP sent, as received (without the leading `?`). */
  query: string;
  /** The binding cookie of this browser, if it sent one. */
  binding: string | undefined;
  ip?: string;
};

export type SsoLoginResult = LoginResult & { locale: string | null };

/** The purpose an SSO session's token is sealed under. */
export function ssoTokenPurpose(sessionHash: string, kind: 'refresh' | 'access' | 'id'): string {
  return `sso-session:${kind}:${sessionHash}`;
}

export async function finishSsoLogin(ctx: ServiceContext, input: SsoCallback): Promise<SsoLoginResult> {
  const provider = await findSsoProviderBySlug(ctx.db, input.slug);
  if (!provider || !provider.enabled) throw new AppError('SSO_PROVIDER_NOT_FOUND');
  try {
    return await redeem(ctx, provider, input);
  } catch (e) {
    const refusal = oidcFailure(e);
    if (isAppError(refusal) && refusal.code.startsWith('SSO_') && !refusal.details?.audited) {
      await ctx.db.transaction((tx) =>
        auditRefusal(tx, ctx, provider, refusal.code as SsoRefusalCode, { ...refusal.details, ip: input.ip ?? null }),
      );
    }
    throw refusal;
  }
}

async function redeem(ctx: ServiceContext, provider: SsoProvider, input: SsoCallback): Promise<SsoLoginResult> {
  const params = new URLSearchParams(input.query);
  const state = params.get('state');
  if (!state)
    throw new AppError(params.get('error') ? 'SSO_IDP_ERROR' : 'SSO_STATE_INVALID', {
      details: { idpError: params.get('error') },
    });
  const flight = await ctx.db.transaction((tx) => takeSsoFlight(tx, hashToken(state)));
  const now = ctx.clock();
  if (
    !flight ||
    flight.providerId !== provider.id ||
    new Date(flight.expiresAt) <= now ||
    !input.binding ||
    hashToken(input.binding) !== flight.bindingHash
  ) {
    throw new AppError('SSO_STATE_INVALID');
  }
  const config = await oidcConfiguration(ctx, provider);
  const currentUrl = new URL(flight.redirectUri);
  currentUrl.search = input.query;
  const tokens = await oidc.authorizationCodeGrant(
    config,
    currentUrl,
    {
      pkceCodeVerifier: flight.codeVerifier,
      expectedState: state,
      expectedNonce: flight.nonce,
      idTokenExpected: true,
    },
    { redirect_uri: flight.redirectUri },
  );
  const idClaims = tokens.claims();
  if (!idClaims) throw new AppError('SSO_TOKEN_INVALID');
  const subject = idClaims.sub;
  // Claims an IdP gives only from userinfo (groups in some setups) are added; the ID token's win.
  let claims: Claims = { ...idClaims };
  if (config.serverMetadata().userinfo_endpoint) {
    const info = await oidc.fetchUserInfo(config, tokens.access_token, subject).catch((e: unknown) => {
      ctx.logger.warn({ err: e, provider: provider.slug }, 'sso: userinfo not read; signing in on the ID token alone');
      return null;
    });
    if (info) claims = { ...info, ...idClaims };
  }

  const outcome = await ctx.db.transaction(async (tx): Promise<SsoLoginResult | AppError> => {
    const identity = await findSsoIdentity(tx, provider.id, subject);
    const linked = identity ? await findUserById(tx, identity.userId, true) : null;
    const username = usernameFromClaims(claims, provider.usernameClaim);
    let sameName: UserRow | null = null;
    let sameNameLinked = false;
    if (!linked) {
      if (!username)
        return refuse(tx, ctx, provider, 'SSO_USERNAME_MISSING', subject, input.ip, { claim: provider.usernameClaim });
      sameName = await findUserByUsername(tx, username, true);
      sameNameLinked = sameName ? await userHasSsoIdentity(tx, provider.id, sameName.id) : false;
    }
    const decision = decideSsoLogin({
      linked: linked ? { disabled: linked.disabled, roles: linked.roles } : null,
      sameName: sameName
        ? { disabled: sameName.disabled, roles: sameName.roles, linkedToProvider: sameNameLinked }
        : null,
      mappedRoles: mapRoles(claims, provider.roleMappings),
      hasMappings: provider.roleMappings.length > 0,
      autoCreate: provider.autoCreate,
    });
    if (decision.kind === 'refuse')
      return refuse(tx, ctx, provider, decision.code, subject, input.ip, { userId: (linked ?? sameName)?.id ?? null });
    const at = now.toISOString();
    const sso = { provider: provider.slug, subject };
    let user: UserRow;
    if (decision.kind === 'create') {
      user = {
        id: newId(),
        username: username!,
        displayName: displayNameFromClaims(claims, username!),
        email: emailFromClaims(claims),
        roles: decision.roles,
        // No password: this account signs in through its IdP; the hash is of a secret nobody knows.
        passwordHash: await hashPassword(newSecretToken('none')),
        locale: flight.locale === 'zh-CN' ? 'zh-CN' : 'en',
        timeZone: 'UTC',
        totpSecretEnc: null,
        totpPendingEnc: null,
        totpEnabled: false,
        totpLastStep: null,
        failedAttempts: 0,
        lockedUntil: null,
        pendingAttempts: 0,
        pendingUntil: null,
        disabled: false,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      await insertUser(tx, user);
      await linkIdentity(tx, provider, subject, user.id, at);
      await auditUserEvent(tx, ctx, 'user.created', user.id, { username: user.username, roles: user.roles, sso }, now);
    } else {
      const existing = (linked ?? sameName)!;
      user = existing;
      if (
        decision.roles &&
        (decision.roles.length !== existing.roles.length || decision.roles.some((r) => !existing.roles.includes(r)))
      ) {
        user = { ...existing, roles: decision.roles, updatedAt: at };
        await saveUser(tx, user);
        await auditUserEvent(
          tx,
          ctx,
          'user.sso_roles_synced',
          user.id,
          { from: existing.roles, to: user.roles, sso },
          now,
        );
      }
      if (decision.link) {
        await linkIdentity(tx, provider, subject, user.id, at);
        await auditUserEvent(tx, ctx, 'user.sso_linked', user.id, { username: user.username, sso }, now);
      } else {
        await touchSsoIdentity(tx, provider.id, subject, at);
      }
    }
    const token = newSecretToken('cls');
    const tokenHash = hashToken(token);
    const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlMinutes * 60_000).toISOString();
    await insertSession(tx, {
      tokenHash,
      userId: user.id,
      createdAt: at,
      expiresAt,
      lastSeenAt: at,
      locale: flight.locale,
    });
    const seal = (value: string | undefined, kind: 'refresh' | 'access' | 'id') =>
      value ? sealSecret(value, ctx.secrets.masterKey, ssoTokenPurpose(tokenHash, kind)) : null;
    await insertSsoSession(tx, {
      tokenHash,
      providerId: provider.id,
      subject,
      sid: typeof idClaims.sid === 'string' ? idClaims.sid : null,
      userId: user.id,
      refreshTokenEnc: seal(tokens.refresh_token, 'refresh'),
      accessTokenEnc: seal(tokens.access_token, 'access'),
      idTokenEnc: seal(tokens.id_token, 'id'),
      checkedAt: at,
    });
    await appendAudit(
      tx,
      {
        actor: { kind: 'user', userId: user.id, name: user.displayName, roles: user.roles, partyId: ctx.config.nodeId },
        action: 'auth.login',
        subjectType: 'user',
        subjectId: user.id,
        data: { ip: input.ip ?? null, method: 'oidc', sso },
      },
      now,
    );
    return { token, expiresAt, user: presentUser(user), locale: flight.locale };
  });
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}

/** Links the IdP subject to the local user (first sign-in, created or matched by name). */
function linkIdentity(tx: Queryable, provider: SsoProvider, subject: string, userId: string, at: string) {
  return insertSsoIdentity(tx, { providerId: provider.id, subject, userId, createdAt: at, lastLoginAt: at });
}

/** An account change the sign-in made on the IdP's word: the node (system) is the actor. */
function auditUserEvent(
  tx: Queryable,
  ctx: ServiceContext,
  action: 'user.created' | 'user.sso_roles_synced' | 'user.sso_linked',
  userId: string,
  data: Record<string, unknown>,
  now: Date,
) {
  return appendAudit(
    tx,
    { actor: { kind: 'system', partyId: ctx.config.nodeId }, action, subjectType: 'user', subjectId: userId, data },
    now,
  );
}

async function refuse(
  tx: Queryable,
  ctx: ServiceContext,
  provider: SsoProvider,
  code: SsoRefusalCode,
  subject: string,
  ip: string | undefined,
  extra: Record<string, unknown>,
): Promise<AppError> {
  await auditRefusal(tx, ctx, provider, code, { subject, ip: ip ?? null, ...extra });
  return new AppError(code, { details: { audited: true } });
}

async function auditRefusal(
  tx: Queryable,
  ctx: ServiceContext,
  provider: SsoProvider,
  code: SsoRefusalCode,
  data: Record<string, unknown>,
): Promise<void> {
  const { audited: _audited, ...rest } = data;
  await appendAudit(
    tx,
    {
      actor: { kind: 'system', partyId: ctx.config.nodeId },
      action: 'auth.login_failed',
      subjectType: 'sso_provider',
      subjectId: provider.id,
      data: { reason: code, sso: { provider: provider.slug, subject: rest.subject ?? null }, ...rest },
    },
    ctx.clock(),
  );
}
