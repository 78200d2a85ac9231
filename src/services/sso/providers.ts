// Use cases: an admin lists, adds, changes and removes single-sign-on providers. The client secret
// is sealed with the node's master key at once and never leaves the node again (the presenter says
// only whether one is set). Every change is audited without the secret.
import { AppError } from '../../errors.js';
import type { Actor } from '../../domain/shared/actor.js';
import { issuerAllowed, normalizeScopes, type SsoProvider } from '../../domain/sso/provider.js';
import type { TCreateSsoProvider, TRoleMapping, TUpdateSsoProvider } from '../../domain/sso/schemas.js';
import { appendAudit } from '../../audit/audit-log.js';
import { sealSecret } from '../../security/secret-box.js';
import { newId } from '../../shared/ids.js';
import type { Queryable } from '../../storage/db.js';
import {
  deleteSsoProvider,
  findSsoProviderById,
  findSsoProviderBySlug,
  insertSsoProvider,
  listSsoProviders,
  saveSsoProvider,
} from '../../storage/repositories/sso-provider.repository.js';
import { deleteSessionsOfSsoProvider } from '../../storage/repositories/sso-session.repository.js';
import type { ServiceContext } from '../context.js';
import { clientSecretPurpose } from './oidc-client.js';

export type PublicSsoProvider = {
  id: string;
  slug: string;
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  scopes: string[];
  usernameClaim: string;
  roleMappings: TRoleMapping[];
  autoCreate: boolean;
  nameEn: string;
  nameZh: string;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
};

/** What the sign-in page may know of a provider: how to name its button and where it starts. */
export type SsoProviderButton = { slug: string; nameEn: string; nameZh: string };

export function presentSsoProvider(p: SsoProvider): PublicSsoProvider {
  return {
    id: p.id,
    slug: p.slug,
    issuer: p.issuer,
    clientId: p.clientId,
    hasClientSecret: p.clientSecretEnc !== null,
    scopes: p.scopes,
    usernameClaim: p.usernameClaim,
    roleMappings: p.roleMappings,
    autoCreate: p.autoCreate,
    nameEn: p.nameEn,
    nameZh: p.nameZh,
    enabled: p.enabled,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    version: p.version,
  };
}

function checkIssuer(issuer: string): string {
  if (!issuerAllowed(issuer)) {
    throw new AppError('SSO_ISSUER_INSECURE', {
      issues: [
        {
          path: 'issuer',
          code: 'insecure_issuer',
          message: { en: 'Use an https:// address.', zh: '请使用 https:// 地址。' },
        },
      ],
    });
  }
  // The issuer identifier is compared byte for byte with the `iss` the IdP states: keep it as typed.
  return issuer;
}

const auditData = (p: SsoProvider) => ({
  slug: p.slug,
  issuer: p.issuer,
  clientId: p.clientId,
  autoCreate: p.autoCreate,
  enabled: p.enabled,
  roleMappings: p.roleMappings,
  usernameClaim: p.usernameClaim,
  scopes: p.scopes,
});

export async function listProviders(ctx: ServiceContext): Promise<PublicSsoProvider[]> {
  return (await listSsoProviders(ctx.db)).map(presentSsoProvider);
}

/** The enabled providers, for the sign-in page (public). */
export async function listProviderButtons(ctx: ServiceContext): Promise<SsoProviderButton[]> {
  return (await listSsoProviders(ctx.db, true)).map((p) => ({ slug: p.slug, nameEn: p.nameEn, nameZh: p.nameZh }));
}

export async function createProvider(
  ctx: ServiceContext,
  actor: Actor,
  input: TCreateSsoProvider,
): Promise<PublicSsoProvider> {
  const now = ctx.clock().toISOString();
  const id = newId();
  const provider: SsoProvider = {
    id,
    slug: input.slug,
    issuer: checkIssuer(input.issuer),
    clientId: input.clientId,
    clientSecretEnc: input.clientSecret
      ? sealSecret(input.clientSecret, ctx.secrets.masterKey, clientSecretPurpose(id))
      : null,
    scopes: normalizeScopes(input.scopes),
    usernameClaim: input.usernameClaim,
    roleMappings: input.roleMappings,
    autoCreate: input.autoCreate,
    nameEn: input.nameEn,
    nameZh: input.nameZh,
    enabled: input.enabled,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await ctx.db.transaction(async (tx) => {
    if (await findSsoProviderBySlug(tx, provider.slug)) throw new AppError('SSO_PROVIDER_SLUG_TAKEN');
    await insertSsoProvider(tx, provider);
    await audit(
      tx,
      actor,
      'sso.provider_created',
      provider,
      { ...auditData(provider), clientSecret: provider.clientSecretEnc !== null },
      ctx.clock(),
    );
  });
  return presentSsoProvider(provider);
}

export async function updateProvider(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: TUpdateSsoProvider,
): Promise<PublicSsoProvider> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const current = await findSsoProviderById(tx, id, true);
    if (!current) throw new AppError('SSO_PROVIDER_NOT_FOUND');
    const next: SsoProvider = { ...current, updatedAt: now.toISOString() };
    if (input.issuer !== undefined) next.issuer = checkIssuer(input.issuer);
    if (input.clientId !== undefined) next.clientId = input.clientId;
    if (input.scopes !== undefined) next.scopes = normalizeScopes(input.scopes);
    if (input.usernameClaim !== undefined) next.usernameClaim = input.usernameClaim;
    if (input.roleMappings !== undefined) next.roleMappings = input.roleMappings;
    if (input.autoCreate !== undefined) next.autoCreate = input.autoCreate;
    if (input.nameEn !== undefined) next.nameEn = input.nameEn;
    if (input.nameZh !== undefined) next.nameZh = input.nameZh;
    if (input.enabled !== undefined) next.enabled = input.enabled;
    if (input.clientSecret !== undefined) {
      next.clientSecretEnc =
        input.clientSecret === null
          ? null
          : sealSecret(input.clientSecret, ctx.secrets.masterKey, clientSecretPurpose(id));
    }
    await saveSsoProvider(tx, next);
    const changed = Object.keys(input);
    await audit(tx, actor, 'sso.provider_updated', next, { changed, ...auditData(next) }, now);
    return presentSsoProvider({ ...next, version: current.version + 1 });
  });
}

/** Removes the provider, its links to users, and ends every session signed in through it. */
export async function deleteProvider(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const current = await findSsoProviderById(tx, id, true);
    if (!current) throw new AppError('SSO_PROVIDER_NOT_FOUND');
    const sessionsEnded = await deleteSessionsOfSsoProvider(tx, id);
    await deleteSsoProvider(tx, id);
    await audit(
      tx,
      actor,
      'sso.provider_deleted',
      current,
      { slug: current.slug, issuer: current.issuer, sessionsEnded },
      now,
    );
  });
}

async function audit(
  tx: Queryable,
  actor: Actor,
  action: string,
  p: SsoProvider,
  data: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await appendAudit(tx, { actor, action, subjectType: 'sso_provider', subjectId: p.id, data }, now);
}
