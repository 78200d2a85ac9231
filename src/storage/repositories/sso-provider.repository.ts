// SQL for single-sign-on providers (240_sso_oidc.sql); returns plain typed objects.
import type { SsoProvider } from '../../domain/sso/provider.js';
import type { TRoleMapping } from '../../domain/sso/schemas.js';
import type { Queryable } from '../db.js';

function toProvider(r: Record<string, unknown>): SsoProvider {
  return {
    id: r.id as string,
    slug: r.slug as string,
    issuer: r.issuer as string,
    clientId: r.client_id as string,
    clientSecretEnc: (r.client_secret_enc as string | null) ?? null,
    scopes: r.scopes as string[],
    usernameClaim: r.username_claim as string,
    roleMappings: r.role_mappings as TRoleMapping[],
    autoCreate: r.auto_create as boolean,
    nameEn: r.name_en as string,
    nameZh: r.name_zh as string,
    enabled: r.enabled as boolean,
    createdAt: new Date(r.created_at as string).toISOString(),
    updatedAt: new Date(r.updated_at as string).toISOString(),
    version: r.version as number,
  };
}

export async function insertSsoProvider(db: Queryable, p: SsoProvider): Promise<void> {
  await db.query(
    `INSERT INTO sso_providers (id, slug, issuer, client_id, client_secret_enc, scopes, username_claim, role_mappings,
       auto_create, name_en, name_zh, enabled, created_at, updated_at, version)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8::jsonb,$9,$10,$11,$12,$13,$14,$15)`,
    [
      p.id,
      p.slug,
      p.issuer,
      p.clientId,
      p.clientSecretEnc,
      p.scopes,
      p.usernameClaim,
      JSON.stringify(p.roleMappings),
      p.autoCreate,
      p.nameEn,
      p.nameZh,
      p.enabled,
      p.createdAt,
      p.updatedAt,
      p.version,
    ],
  );
}

/** Writes every mutable column; bumps version. */
export async function saveSsoProvider(db: Queryable, p: SsoProvider): Promise<void> {
  await db.query(
    `UPDATE sso_providers SET issuer=$2, client_id=$3, client_secret_enc=$4, scopes=$5, username_claim=$6, role_mappings=$7::jsonb,
       auto_create=$8, name_en=$9, name_zh=$10, enabled=$11, updated_at=$12, version=version+1 WHERE id=$1`,
    [
      p.id,
      p.issuer,
      p.clientId,
      p.clientSecretEnc,
      p.scopes,
      p.usernameClaim,
      JSON.stringify(p.roleMappings),
      p.autoCreate,
      p.nameEn,
      p.nameZh,
      p.enabled,
      p.updatedAt,
    ],
  );
}

export async function findSsoProviderById(db: Queryable, id: string, forUpdate = false): Promise<SsoProvider | null> {
  const rows = await db.query(`SELECT * FROM sso_providers WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? toProvider(rows[0]) : null;
}

export async function findSsoProviderBySlug(db: Queryable, slug: string): Promise<SsoProvider | null> {
  const rows = await db.query('SELECT * FROM sso_providers WHERE slug = $1', [slug]);
  return rows[0] ? toProvider(rows[0]) : null;
}

export async function listSsoProviders(db: Queryable, onlyEnabled = false): Promise<SsoProvider[]> {
  return (await db.query(`SELECT * FROM sso_providers${onlyEnabled ? ' WHERE enabled' : ''} ORDER BY slug`)).map(
    toProvider,
  );
}

export async function deleteSsoProvider(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('DELETE FROM sso_providers WHERE id = $1 RETURNING 1', [id])).length > 0;
}
