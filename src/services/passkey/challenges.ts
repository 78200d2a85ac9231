// Stores and takes back ceremony challenges (src/domain/passkey/challenge.ts). Issuing one also
// clears those that expired unanswered, so the table holds at most a few minutes of ceremonies.
import { AppError } from '../../errors.js';
import {
  challengeOfClientData,
  challengeUsable,
  CHALLENGE_TTL_MS,
  type ChallengePurpose,
} from '../../domain/passkey/challenge.js';
import type { Queryable } from '../../storage/db.js';
import {
  consumeChallenge,
  deleteExpiredChallenges,
  insertChallenge,
} from '../../storage/repositories/passkey.repository.js';

export async function storeChallenge(
  db: Queryable,
  challenge: string,
  purpose: ChallengePurpose,
  userId: string | null,
  now: Date,
): Promise<void> {
  await deleteExpiredChallenges(db, now);
  await insertChallenge(db, {
    challenge,
    purpose,
    userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString(),
  });
}

/**
 * Takes the challenge the browser signed out of the store (once: a replay finds nothing) and
 * returns it when it was issued for this purpose (and user) and is still live; otherwise refuses
 * with PASSKEY_CHALLENGE_INVALID.
 */
export async function takeChallenge(
  tx: Queryable,
  clientDataJSON: string,
  purpose: ChallengePurpose,
  userId: string | null,
  now: Date,
): Promise<string | AppError> {
  const challenge = challengeOfClientData(clientDataJSON);
  if (!challenge) return new AppError('PASSKEY_CHALLENGE_INVALID');
  const stored = await consumeChallenge(tx, challenge);
  if (!stored || !challengeUsable(stored, purpose, userId, now)) return new AppError('PASSKEY_CHALLENGE_INVALID');
  return stored.challenge;
}
