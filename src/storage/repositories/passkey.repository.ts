// SQL for passkeys (WebAuthn credentials) and their ceremony challenges; plain typed objects out.
import type { ChallengePurpose, StoredChallenge } from '../../domain/passkey/challenge.js';
import type { Queryable } from '../db.js';

export type PasskeyRow = {
  id: string;
  userId: string;
  /** base64url, as the browser names the credential. */
  credentialId: string;
  publicKey: Uint8Array<ArrayBuffer>;
  signCount: number;
  transports: string[];
  /** 'singleDevice' | 'multiDevice' (a synced passkey). */
  deviceType: string;
  backedUp: boolean;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
};

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

function toPasskey(r: Record<string, unknown>): PasskeyRow {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    credentialId: r.credential_id as string,
    publicKey: new Uint8Array(r.public_key as Buffer),
    signCount: Number(r.sign_count),
    transports: (r.transports as string[] | null) ?? [],
    deviceType: r.device_type as string,
    backedUp: r.backed_up as boolean,
    name: r.name as string,
    createdAt: iso(r.created_at)!,
    lastUsedAt: iso(r.last_used_at),
  };
}

export async function insertPasskey(db: Queryable, p: PasskeyRow): Promise<void> {
  await db.query(
    `INSERT INTO passkeys (id, user_id, credential_id, public_key, sign_count, transports, device_type, backed_up, name, created_at, last_used_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [
      p.id,
      p.userId,
      p.credentialId,
      Buffer.from(p.publicKey),
      p.signCount,
      p.transports,
      p.deviceType,
      p.backedUp,
      p.name,
      p.createdAt,
      p.lastUsedAt,
    ],
  );
}

export async function listPasskeysOfUser(db: Queryable, userId: string): Promise<PasskeyRow[]> {
  return (await db.query('SELECT * FROM passkeys WHERE user_id = $1 ORDER BY created_at, id', [userId])).map(toPasskey);
}

export async function countPasskeysOfUser(db: Queryable, userId: string): Promise<number> {
  const [r] = await db.query<{ n: string }>('SELECT count(*) AS n FROM passkeys WHERE user_id = $1', [userId]);
  return Number(r?.n ?? 0);
}

export async function findPasskeyByCredentialId(
  db: Queryable,
  credentialId: string,
  forUpdate = false,
): Promise<PasskeyRow | null> {
  const [r] = await db.query(`SELECT * FROM passkeys WHERE credential_id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [
    credentialId,
  ]);
  return r ? toPasskey(r) : null;
}

export async function findPasskeyOfUser(
  db: Queryable,
  userId: string,
  id: string,
  forUpdate = false,
): Promise<PasskeyRow | null> {
  const [r] = await db.query(`SELECT * FROM passkeys WHERE user_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [
    userId,
    id,
  ]);
  return r ? toPasskey(r) : null;
}

export async function renamePasskey(db: Queryable, id: string, name: string): Promise<void> {
  await db.query('UPDATE passkeys SET name = $2 WHERE id = $1', [id, name]);
}

export async function deletePasskey(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM passkeys WHERE id = $1', [id]);
}

/** How many passkeys each user has (users without one are absent), for the users page. */
export async function countPasskeysByUser(db: Queryable): Promise<Map<string, number>> {
  const rows = await db.query<{ user_id: string; n: number }>(
    'SELECT user_id, count(*)::int AS n FROM passkeys GROUP BY user_id',
  );
  return new Map(rows.map((r) => [r.user_id, r.n]));
}

/** Removes every passkey of a user (an admin's reset after a lost device); returns how many went. */
export async function deletePasskeysOfUser(db: Queryable, userId: string): Promise<number> {
  return (await db.query('DELETE FROM passkeys WHERE user_id = $1 RETURNING 1', [userId])).length;
}

/** After a verified sign-in: the authenticator's new counter and backup state, and when it was used. */
export async function recordPasskeyUse(
  db: Queryable,
  id: string,
  use: { signCount: number; backedUp: boolean; deviceType: string; at: string },
): Promise<void> {
  await db.query(
    'UPDATE passkeys SET sign_count = $2, backed_up = $3, device_type = $4, last_used_at = $5 WHERE id = $1',
    [id, use.signCount, use.backedUp, use.deviceType, use.at],
  );
}

export async function insertChallenge(db: Queryable, c: StoredChallenge & { createdAt: string }): Promise<void> {
  await db.query(
    'INSERT INTO passkey_challenges (challenge, purpose, user_id, created_at, expires_at) VALUES ($1,$2,$3,$4,$5)',
    [c.challenge, c.purpose, c.userId, c.createdAt, c.expiresAt],
  );
}

/** Takes the challenge out (so it can be used once only); null when it is unknown or already used. */
export async function consumeChallenge(db: Queryable, challenge: string): Promise<StoredChallenge | null> {
  const [r] = await db.query(
    'DELETE FROM passkey_challenges WHERE challenge = $1 RETURNING purpose, user_id, expires_at',
    [challenge],
  );
  if (!r) return null;
  return {
    challenge,
    purpose: r.purpose as ChallengePurpose,
    userId: (r.user_id as string | null) ?? null,
    expiresAt: iso(r.expires_at)!,
  };
}

/** Drops challenges that were never answered. */
export async function deleteExpiredChallenges(db: Queryable, now: Date): Promise<number> {
  return (await db.query('DELETE FROM passkey_challenges WHERE expires_at <= $1 RETURNING 1', [now.toISOString()]))
    .length;
}
