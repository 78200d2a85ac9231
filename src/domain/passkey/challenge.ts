// Ceremony challenges: random, short-lived, used once, and bound to what they were issued for. The
// service stores them in the database (every process of the node sees them) and consumes one by
// deleting it, so a replayed answer finds nothing.
export type ChallengePurpose = 'register' | 'login' | 'second_factor' | 'confirm';

export const CHALLENGE_PURPOSES: readonly ChallengePurpose[] = ['register', 'login', 'second_factor', 'confirm'];

/** How long a ceremony may take: the browser's own timeout plus a margin. */
export const CHALLENGE_TTL_MS = 5 * 60_000;
/** The timeout the browser is given for the ceremony. */
export const CEREMONY_TIMEOUT_MS = 4 * 60_000;

export type StoredChallenge = {
  challenge: string;
  purpose: ChallengePurpose;
  userId: string | null;
  expiresAt: string;
};

/** A consumed challenge is usable for `purpose` (and `userId`, when it was issued to a user) until it expires. */
export function challengeUsable(
  c: StoredChallenge,
  purpose: ChallengePurpose,
  userId: string | null,
  now: Date,
): boolean {
  if (c.purpose !== purpose) return false;
  if (c.userId !== null && c.userId !== userId) return false;
  return new Date(c.expiresAt).getTime() > now.getTime();
}

/** The challenge the browser signed, read from clientDataJSON (base64url JSON); null if it does not parse. */
export function challengeOfClientData(clientDataJSON: string): string | null {
  try {
    const json = JSON.parse(new TextDecoder().decode(base64UrlToBytes(clientDataJSON))) as { challenge?: unknown };
    return typeof json.challenge === 'string' && json.challenge.length > 0 && json.challenge.length <= 256
      ? json.challenge
      : null;
  } catch {
    return null;
  }
}

function base64UrlToBytes(s: string): Uint8Array {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
