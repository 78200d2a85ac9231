// The status-check code a reporter gets with the receipt: random, shown once, kept only as a hash
// bound to its receipt, and compared in constant time.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ'; // no 0/O, 1/I/L: read back from paper without doubt
const LENGTH = 10; // ≈ 49 bits; guessing is further bounded by the per-IP status rate limit

export function newStatusCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export function normalizeStatusCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]+/g, '');
}

export function hashStatusCode(receipt: string, code: string): string {
  return createHash('sha256')
    .update(`crossline-report-status\u0000${receipt}\u0000${normalizeStatusCode(code)}`)
    .digest('hex');
}

export function statusCodeMatches(receipt: string, code: string, storedHash: string): boolean {
  const a = Buffer.from(hashStatusCode(receipt, code), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
