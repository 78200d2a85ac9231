// SQL for the moving parts of SSO sign-in (240_sso_oidc.sql): sign-ins in flight, the links of IdP
// subjects to local users, and the SSO side of sessions.
import type { Queryable } from '../db.js';

export type SsoFlightRow = {
  stateHash: string;
  providerId: string;
  bindingHash: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  locale: string | null;
  expiresAt: string;
};

export async function insertSsoFlight(db: Queryable, f: SsoFlightRow): Promise<void> {
  await db.query(
    `INSERT INTO sso_login_flights (state_hash, provider_id, binding_hash, nonce, code_verifier, redirect_uri, locale, expires_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [f.stateHash, f.providerId, f.bindingHash, f.nonce, f.codeVerifier, f.redirectUri, f.locale, f.expiresAt],
  );
}

/** Removes and returns the flight: a state is good for one callback only, whichever process gets it. */
export async function takeSsoFlight(db: Queryable, stateHash: string): Promise<SsoFlightRow | null> {
  const rows = await db.query('DELETE FROM sso_login_flights WHERE state_hash = $1 RETURNING *', [stateHash]);
  const r = rows[0];
  if (!r) return null;
  return {
    stateHash,
    providerId: r.provider_id as string,
    bindingHash: r.binding_hash as string,
    nonce: r.nonce as string,
    codeVerifier: r.code_verifier as string,
    redirectUri: r.redirect_uri as string,
    locale: (r.locale as string | null) ?? null,
    expiresAt: new Date(r.expires_at as string).toISOString(),
  };
}

export async function deleteExpiredSsoFlights(db: Queryable, now: Date): Promise<number> {
  return (await db.query('DELETE FROM sso_login_flights WHERE expires_at < $1 RETURNING 1', [now.toISOString()]))
    .length;
}

export type SsoIdentityRow = {
  providerId: string;
  subject: string;
  userId: string;
  createdAt: string;
  lastLoginAt: string;
};

export async function findSsoIdentity(
  db: Queryable,
  providerId: string,
  subject: string,
): Promise<SsoIdentityRow | null> {
  const rows = await db.query('SELECT * FROM sso_identities WHERE provider_id = $1 AND subject = $2', [
    providerId,
    subject,
  ]);
  const r = rows[0];
  return r
    ? {
        providerId,
        subject,
        userId: r.user_id as string,
        createdAt: new Date(r.created_at as string).toISOString(),
        lastLoginAt: new Date(r.last_login_at as string).toISOString(),
      }
    : null;
}

export async function userHasSsoIdentity(db: Queryable, providerId: string, userId: string): Promise<boolean> {
  return (
    (await db.query('SELECT 1 FROM sso_identities WHERE provider_id = $1 AND user_id = $2', [providerId, userId]))
      .length > 0
  );
}

export async function insertSsoIdentity(db: Queryable, i: SsoIdentityRow): Promise<void> {
  await db.query(
    'INSERT INTO sso_identities (provider_id, subject, user_id, created_at, last_login_at) VALUES ($1,$2,$3,$4,$5)',
    [i.providerId, i.subject, i.userId, i.createdAt, i.lastLoginAt],
  );
}

export async function touchSsoIdentity(db: Queryable, providerId: string, subject: string, at: string): Promise<void> {
  await db.query('UPDATE sso_identities SET last_login_at = $3 WHERE provider_id = $1 AND subject = $2', [
    providerId,
    subject,
    at,
  ]);
}

/** The providers and subjects a user is linked to (shown to admins). */
export async function listSsoIdentitiesOfUsers(
  db: Queryable,
): Promise<Array<{ userId: string; providerSlug: string; subject: string }>> {
  const rows = await db.query(
    'SELECT i.user_id, p.slug, i.subject FROM sso_identities i JOIN sso_providers p ON p.id = i.provider_id ORDER BY i.user_id, p.slug',
  );
  return rows.map((r) => ({
    userId: r.user_id as string,
    providerSlug: r.slug as string,
    subject: r.subject as string,
  }));
}

export type SsoSessionRow = {
  tokenHash: string;
  providerId: string;
  subject: string;
  sid: string | null;
  userId: string;
  refreshTokenEnc: string | null;
  accessTokenEnc: string | null;
  idTokenEnc: string | null;
  checkedAt: string;
};

function toSsoSession(r: Record<string, unknown>): SsoSessionRow {
  return {
    tokenHash: r.token_hash as string,
    providerId: r.provider_id as string,
    subject: r.subject as string,
    sid: (r.sid as string | null) ?? null,
    userId: r.user_id as string,
    refreshTokenEnc: (r.refresh_token_enc as string | null) ?? null,
    accessTokenEnc: (r.access_token_enc as string | null) ?? null,
    idTokenEnc: (r.id_token_enc as string | null) ?? null,
    checkedAt: new Date(r.checked_at as string).toISOString(),
  };
}

export async function insertSsoSession(db: Queryable, s: SsoSessionRow): Promise<void> {
  await db.query(
    `INSERT INTO sso_sessions (token_hash, provider_id, subject, sid, user_id, refresh_token_enc, access_token_enc, id_token_enc, checked_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [
      s.tokenHash,
      s.providerId,
      s.subject,
      s.sid,
      s.userId,
      s.refreshTokenEnc,
      s.accessTokenEnc,
      s.idTokenEnc,
      s.checkedAt,
    ],
  );
}

export async function findSsoSession(db: Queryable, tokenHash: string): Promise<SsoSessionRow | null> {
  const rows = await db.query('SELECT * FROM sso_sessions WHERE token_hash = $1', [tokenHash]);
  return rows[0] ? toSsoSession(rows[0]) : null;
}

/**
 * Claims up to `limit` SSO sessions last checked before `before`: their check time is moved to
 * `now` in the same statement, so two processes never check one session at the same time.
 */
export async function claimSsoSessionsDue(
  db: Queryable,
  before: string,
  now: string,
  limit: number,
): Promise<SsoSessionRow[]> {
  const rows = await db.query(
    `UPDATE sso_sessions SET checked_at = $2 WHERE token_hash IN (
       SELECT token_hash FROM sso_sessions WHERE checked_at < $1 ORDER BY checked_at LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING *`,
    [before, now, limit],
  );
  return rows.map(toSsoSession);
}

export async function saveSsoSessionTokens(
  db: Queryable,
  tokenHash: string,
  t: { refreshTokenEnc: string | null; accessTokenEnc: string | null },
): Promise<void> {
  await db.query('UPDATE sso_sessions SET refresh_token_enc = $2, access_token_enc = $3 WHERE token_hash = $1', [
    tokenHash,
    t.refreshTokenEnc,
    t.accessTokenEnc,
  ]);
}

/** Ends every session that was opened through this provider (it is being removed). */
export async function deleteSessionsOfSsoProvider(db: Queryable, providerId: string): Promise<number> {
  return (
    await db.query(
      'DELETE FROM sessions WHERE token_hash IN (SELECT token_hash FROM sso_sessions WHERE provider_id = $1) RETURNING 1',
      [providerId],
    )
  ).length;
}

/**
 * Ends the sessions an IdP's back-channel logout names: by its session id (`sid`) when given, else
 * every session of the subject. Returns the users concerned.
 */
export async function deleteSessionsNamedByIdp(
  db: Queryable,
  providerId: string,
  by: { subject: string | null; sid: string | null },
): Promise<string[]> {
  const rows = await db.query(
    `DELETE FROM sessions WHERE token_hash IN (
       SELECT token_hash FROM sso_sessions WHERE provider_id = $1
         AND ($2::text IS NULL OR subject = $2) AND ($3::text IS NULL OR sid = $3))
     RETURNING user_id`,
    [providerId, by.subject, by.sid],
  );
  return [...new Set(rows.map((r) => r.user_id as string))];
}
