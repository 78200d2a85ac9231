// SQL for users, sessions and API tokens; returns plain typed objects.
import { z } from 'zod';
import { ROLES, type Role } from '../../domain/shared/roles.js';
import { TOKEN_SCOPES, type TokenScope } from '../../domain/user/token-scope.js';
import type { Queryable, Row } from '../db.js';
import { parseRow, zInstant, zInstantOrNull, zNullableString } from './row-schema.js';
import { PASSKEY_GATE_COLUMNS, passkeyGateFromRow, type PasskeyGateFacts } from './passkey-policy.repository.js';

export type UserRow = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  passwordHash: string;
  locale: 'en' | 'zh-CN';
  timeZone: string;
  totpSecretEnc: string | null;
  totpPendingEnc: string | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
  failedAttempts: number;
  lockedUntil: string | null;
  /** Sign-in / TOTP checks in progress (src/domain/user/lockout.ts). */
  pendingAttempts: number;
  pendingUntil: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
};

/** A `users` row (extra columns of a join are ignored). */
const ZUserRow = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string(),
  email: zNullableString,
  roles: z.array(z.enum(ROLES)),
  password_hash: z.string(),
  locale: z.enum(['en', 'zh-CN']),
  time_zone: z.string(),
  totp_secret_enc: zNullableString,
  totp_pending_enc: zNullableString,
  totp_enabled: z.boolean(),
  totp_last_step: z
    .number()
    .nullish()
    .transform((v) => v ?? null),
  failed_attempts: z.number(),
  locked_until: zInstantOrNull.optional().transform((v) => v ?? null),
  pending_attempts: z
    .number()
    .optional()
    .transform((v) => v ?? 0),
  pending_until: zInstantOrNull.optional().transform((v) => v ?? null),
  disabled: z.boolean(),
  created_at: zInstant,
  updated_at: zInstant,
  version: z.number(),
});

function toUser(row: Row): UserRow {
  const r = parseRow(ZUserRow, 'users', row);
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    email: r.email,
    roles: r.roles,
    passwordHash: r.password_hash,
    locale: r.locale,
    timeZone: r.time_zone,
    totpSecretEnc: r.totp_secret_enc,
    totpPendingEnc: r.totp_pending_enc,
    totpEnabled: r.totp_enabled,
    totpLastStep: r.totp_last_step,
    failedAttempts: r.failed_attempts,
    lockedUntil: r.locked_until,
    pendingAttempts: r.pending_attempts,
    pendingUntil: r.pending_until,
    disabled: r.disabled,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export async function insertUser(db: Queryable, u: UserRow): Promise<void> {
  await db.query(
    `INSERT INTO users (id, username, display_name, email, roles, password_hash, locale, time_zone,
       totp_enabled, failed_attempts, disabled, created_at, updated_at, version)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
    [
      u.id,
      u.username,
      u.displayName,
      u.email,
      u.roles,
      u.passwordHash,
      u.locale,
      u.timeZone,
      u.totpEnabled,
      u.failedAttempts,
      u.disabled,
      u.createdAt,
      u.updatedAt,
      u.version,
    ],
  );
}

export async function findUserById(db: Queryable, id: string, forUpdate = false): Promise<UserRow | null> {
  const rows = await db.query(`SELECT * FROM users WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function findUserByUsername(db: Queryable, username: string, forUpdate = false): Promise<UserRow | null> {
  const rows = await db.query(`SELECT * FROM users WHERE username = $1${forUpdate ? ' FOR UPDATE' : ''}`, [username]);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function listUsers(db: Queryable): Promise<UserRow[]> {
  return (await db.query('SELECT * FROM users ORDER BY username')).map(toUser);
}

export async function countActiveAdmins(db: Queryable, exceptUserId?: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM users WHERE 'admin' = ANY(roles) AND NOT disabled AND id <> $1`,
    [exceptUserId ?? ''],
  );
  return rows[0]?.n ?? 0;
}

export async function countUsers(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return rows[0]?.n ?? 0;
}

/** Writes every mutable column; bumps version. */
export async function saveUser(db: Queryable, u: UserRow): Promise<void> {
  await db.query(
    `UPDATE users SET display_name=$2, email=$3, roles=$4, password_hash=$5, locale=$6, time_zone=$7,
       totp_secret_enc=$8, totp_pending_enc=$9, totp_enabled=$10, totp_last_step=$11, failed_attempts=$12,
       locked_until=$13, disabled=$14, updated_at=$15, pending_attempts=$16, pending_until=$17, version=version+1
     WHERE id=$1`,
    [
      u.id,
      u.displayName,
      u.email,
      u.roles,
      u.passwordHash,
      u.locale,
      u.timeZone,
      u.totpSecretEnc,
      u.totpPendingEnc,
      u.totpEnabled,
      u.totpLastStep,
      u.failedAttempts,
      u.lockedUntil,
      u.disabled,
      u.updatedAt,
      u.pendingAttempts,
      u.pendingUntil,
    ],
  );
}

/** Writes only the lockout counters (a sign-in attempt reserved or settled): no version bump, no other column. */
export async function saveLockoutState(
  db: Queryable,
  userId: string,
  s: { failedAttempts: number; lockedUntil: string | null; pendingAttempts: number; pendingUntil: string | null },
): Promise<void> {
  await db.query(
    'UPDATE users SET failed_attempts = $2, locked_until = $3, pending_attempts = $4, pending_until = $5 WHERE id = $1',
    [userId, s.failedAttempts, s.lockedUntil, s.pendingAttempts, s.pendingUntil],
  );
}

export type SessionRow = {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  /** The language this session shows; null follows the account's default. */
  locale?: string | null;
};

export async function insertSession(db: Queryable, s: SessionRow): Promise<void> {
  await db.query(
    'INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, locale) VALUES ($1,$2,$3,$4,$5,$6)',
    [s.tokenHash, s.userId, s.createdAt, s.expiresAt, s.lastSeenAt, s.locale ?? null],
  );
}

/** Sets the language of one session (null: back to the account's default). */
export async function setSessionLocale(db: Queryable, tokenHash: string, locale: string | null): Promise<boolean> {
  return (
    (await db.query('UPDATE sessions SET locale = $2 WHERE token_hash = $1 RETURNING 1', [tokenHash, locale])).length >
    0
  );
}

/**
 * The party a user acts for when it is an external party's account (TAXII), read with the user on
 * every authentication: such an account is confined to TAXII and its own settings.
 */
const BOUND_PARTY = 'LEFT JOIN intel_party_accounts pa ON pa.user_id = u.id';

/** The session columns of the session + user join, and the bound party of the LEFT JOIN. */
const ZSessionJoin = z.object({
  id: z.string(),
  s_created_at: zInstant,
  s_expires_at: zInstant,
  s_last_seen_at: zInstant,
  s_locale: zNullableString,
  bound_party: zNullableString,
});

/**
 * The session and its user in one round trip (every authenticated request does this), with the
 * facts of the passkey gate that decides the same request.
 */
export async function findSessionWithUser(
  db: Queryable,
  tokenHash: string,
): Promise<{ session: SessionRow; user: UserRow; boundParty: string | null; passkeyGate: PasskeyGateFacts } | null> {
  const rows = await db.query(
    `SELECT u.*, s.created_at AS s_created_at, s.expires_at AS s_expires_at, s.last_seen_at AS s_last_seen_at, s.locale AS s_locale, pa.party AS bound_party,
            ${PASSKEY_GATE_COLUMNS}
     FROM sessions s JOIN users u ON u.id = s.user_id ${BOUND_PARTY} WHERE s.token_hash = $1`,
    [tokenHash],
  );
  const r = rows[0];
  if (!r) return null;
  const s = parseRow(ZSessionJoin, 'sessions', r);
  return {
    user: toUser(r),
    boundParty: s.bound_party,
    passkeyGate: passkeyGateFromRow(r),
    session: {
      tokenHash,
      userId: s.id,
      createdAt: s.s_created_at,
      expiresAt: s.s_expires_at,
      lastSeenAt: s.s_last_seen_at,
      locale: s.s_locale,
    },
  };
}

export async function touchSession(
  db: Queryable,
  tokenHash: string,
  lastSeenAt: string,
  expiresAt: string,
): Promise<void> {
  await db.query('UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE token_hash = $1', [
    tokenHash,
    lastSeenAt,
    expiresAt,
  ]);
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteUserSessions(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

/** Removes sessions that expired before `now` (they no longer sign anyone in). */
export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<number> {
  return (await db.query('DELETE FROM sessions WHERE expires_at < $1 RETURNING 1', [now.toISOString()])).length;
}

export type ApiTokenRow = {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  scope: TokenScope;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

const ZTokenRow = z.object({
  id: z.string(),
  user_id: z.string(),
  name: z.string(),
  token_hash: z.string(),
  prefix: z.string(),
  scope: z.enum(TOKEN_SCOPES),
  created_at: zInstant,
  expires_at: zInstant,
  last_used_at: zInstantOrNull,
  revoked_at: zInstantOrNull,
});

function toToken(row: Row): ApiTokenRow {
  const r = parseRow(ZTokenRow, 'api_tokens', row);
  return {
    id: r.id,
    userId: r.user_id,
    name: r.name,
    tokenHash: r.token_hash,
    prefix: r.prefix,
    scope: r.scope,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

export async function insertApiToken(db: Queryable, t: ApiTokenRow): Promise<void> {
  await db.query(
    `INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, scope, created_at, expires_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [t.id, t.userId, t.name, t.tokenHash, t.prefix, t.scope, t.createdAt, t.expiresAt],
  );
}

const ZBoundParty = z.object({ bound_party: zNullableString });

/** An API token and its user in one round trip, with the facts of the passkey gate. */
export async function findApiTokenWithUser(
  db: Queryable,
  tokenHash: string,
): Promise<{ token: ApiTokenRow; user: UserRow; boundParty: string | null; passkeyGate: PasskeyGateFacts } | null> {
  const rows = await db.query(
    `SELECT u.*, t.id AS t_id, t.name AS t_name, t.prefix AS t_prefix, t.scope AS t_scope, t.created_at AS t_created_at, t.expires_at AS t_expires_at,
            t.last_used_at AS t_last_used_at, t.revoked_at AS t_revoked_at, pa.party AS bound_party, ${PASSKEY_GATE_COLUMNS}
     FROM api_tokens t JOIN users u ON u.id = t.user_id ${BOUND_PARTY} WHERE t.token_hash = $1`,
    [tokenHash],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    user: toUser(r),
    boundParty: parseRow(ZBoundParty, 'intel_party_accounts', r).bound_party,
    passkeyGate: passkeyGateFromRow(r),
    token: toToken({
      id: r.t_id,
      user_id: r.id,
      name: r.t_name,
      token_hash: tokenHash,
      prefix: r.t_prefix,
      scope: r.t_scope,
      created_at: r.t_created_at,
      expires_at: r.t_expires_at,
      last_used_at: r.t_last_used_at,
      revoked_at: r.t_revoked_at,
    }),
  };
}

export async function findApiToken(db: Queryable, id: string): Promise<ApiTokenRow | null> {
  const rows = await db.query('SELECT * FROM api_tokens WHERE id = $1', [id]);
  return rows[0] ? toToken(rows[0]) : null;
}

export async function listApiTokens(db: Queryable, userId?: string): Promise<ApiTokenRow[]> {
  const rows = userId
    ? await db.query('SELECT * FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC', [userId])
    : await db.query('SELECT * FROM api_tokens ORDER BY created_at DESC');
  return rows.map(toToken);
}

export async function markApiTokenUsed(db: Queryable, id: string, at: string): Promise<void> {
  await db.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [id, at]);
}

export async function revokeApiToken(db: Queryable, id: string, at: string): Promise<void> {
  await db.query('UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at]);
}

/** Revokes every token of a user still in force; returns how many. */
export async function revokeUserApiTokens(db: Queryable, userId: string, at: string): Promise<number> {
  return (
    await db.query('UPDATE api_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING 1', [
      userId,
      at,
    ])
  ).length;
}

/** Display names for a set of user ids (for pages that list people by id). */
export async function findUserNames(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; display_name: string }>(
    'SELECT id, display_name FROM users WHERE id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
