// Base58 and Base58Check (Bitcoin alphabet), used to validate BTC/LTC/DOGE legacy and TRON addresses.
import { createHash } from 'node:crypto';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const INDEX = new Map([...ALPHABET].map((ch, i) => [ch, i]));

export function base58Decode(s: string): Buffer | undefined {
  let n = 0n;
  for (const ch of s) {
    const v = INDEX.get(ch);
    if (v === undefined) return undefined;
    n = n * 58n + BigInt(v);
  }
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.push(Number(n & 0xffn));
    n >>= 8n;
  }
  let zeros = 0;
  while (zeros < s.length && s[zeros] === '1') zeros++;
  return Buffer.from([...new Array<number>(zeros).fill(0), ...bytes.reverse()]);
}

export function base58Encode(data: Uint8Array): string {
  let n = 0n;
  for (const b of data) n = (n << 8n) | BigInt(b);
  let out = '';
  while (n > 0n) {
    out = ALPHABET[Number(n % 58n)] + out;
    n /= 58n;
  }
  let zeros = 0;
  while (zeros < data.length && data[zeros] === 0) zeros++;
  return '1'.repeat(zeros) + out;
}

const sha256d = (b: Uint8Array): Buffer => createHash('sha256').update(createHash('sha256').update(b).digest()).digest();

export type Base58CheckResult =
  | { ok: true; payload: Buffer }
  | { ok: false; reason: 'alphabet' | 'length' | 'checksum' };

/** Decodes and verifies the 4-byte double-SHA-256 checksum; `payload` includes the version byte. */
export function base58CheckDecode(s: string): Base58CheckResult {
  const raw = base58Decode(s);
  if (!raw) return { ok: false, reason: 'alphabet' };
  if (raw.length < 5) return { ok: false, reason: 'length' };
  const payload = raw.subarray(0, raw.length - 4);
  const sum = raw.subarray(raw.length - 4);
  return sha256d(payload).subarray(0, 4).equals(sum) ? { ok: true, payload: Buffer.from(payload) } : { ok: false, reason: 'checksum' };
}

export function base58CheckEncode(payload: Uint8Array): string {
  return base58Encode(Buffer.concat([payload, sha256d(payload).subarray(0, 4)]));
}
