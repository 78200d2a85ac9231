// Identifiers: UUIDv7 (time-ordered) for every record, and opaque random secrets for tokens.
import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';

export function newId(): string {
  return uuidv7();
}

export function newSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored only as their SHA-256, so a database leak yields no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
