// Ceremony challenges: bound to a purpose and a user, short-lived, read from the signed client data.
import { describe, expect, it } from 'vitest';
import { challengeOfClientData, challengeUsable, CHALLENGE_TTL_MS } from './challenge.js';

const now = new Date('2026-12-07T05:00:00Z');
const live = {
  challenge: 'abc',
  purpose: 'login' as const,
  userId: null,
  expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString(),
};

describe('challenges', () => {
  it('is usable for its purpose until it expires', () => {
    expect(challengeUsable(live, 'login', null, now)).toBe(true);
    expect(challengeUsable(live, 'second_factor', null, now)).toBe(false);
    expect(challengeUsable(live, 'login', null, new Date(now.getTime() + CHALLENGE_TTL_MS))).toBe(false);
  });

  it('is bound to the user it was issued to', () => {
    const own = { ...live, purpose: 'register' as const, userId: 'u1' };
    expect(challengeUsable(own, 'register', 'u1', now)).toBe(true);
    expect(challengeUsable(own, 'register', 'u2', now)).toBe(false);
  });

  it('reads the challenge from clientDataJSON and rejects what does not parse', () => {
    const json = Buffer.from(
      JSON.stringify({ type: 'webauthn.get', challenge: 'xyz-_1', origin: 'http://localhost:7400' }),
    ).toString('base64url');
    expect(challengeOfClientData(json)).toBe('xyz-_1');
    expect(challengeOfClientData('not-json')).toBeNull();
    expect(challengeOfClientData(Buffer.from('{"challenge":5}').toString('base64url'))).toBeNull();
  });
});
