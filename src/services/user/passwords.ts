// Password hashing with argon2id (memory-hard, docs/spec.md §9.1) at OWASP's recommended minimum cost.
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../errors.js';
import { MIN_PASSWORD_LENGTH } from '../../domain/user/schemas.js';

const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function checkPasswordStrength(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new AppError('USER_WEAK_PASSWORD');
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this keeps the time of "no such user" equal to "wrong password".
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('crossline-timing-equaliser');
  return dummyHash;
}
