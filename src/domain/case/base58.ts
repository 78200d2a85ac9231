// Base58 and Base58Check (Bitcoin alphabet), used to validate BTC/LTC/DOGE legacy and TRON addresses.
// Encoding from @scure/base; the checksum (4 bytes of double SHA-256) is checked here so a failure
// can say why (alphabet, length or checksum).
import { createHash } from 'node:crypto';
import { base58 } from '@scure/base';

export function base58Decode(s: string): Buffer | undefined {
  try {
    return Buffer.from(base58.decode(s));
  } catch {
    return undefined;
  }
}

export function base58Encode(data: Uint8Array): string {
  return base58.encode(data);
}

const sha256d = (b: Uint8Array): Buffer =>
  createHash('sha256').update(createHash('sha256').update(b).digest()).digest();

export type Base58CheckResult =
  { ok: true; payload: Buffer } | { ok: false; reason: 'alphabet' | 'length' | 'checksum' };

/** Decodes and verifies the 4-byte double-SHA-256 checksum; `payload` includes the version byte. */
export function base58CheckDecode(s: string): Base58CheckResult {
  const raw = base58Decode(s);
  if (!raw) return { ok: false, reason: 'alphabet' };
  if (raw.length < 5) return { ok: false, reason: 'length' };
  const payload = raw.subarray(0, raw.length - 4);
  const sum = raw.subarray(raw.length - 4);
  return sha256d(payload).subarray(0, 4).equals(sum)
    ? { ok: true, payload: Buffer.from(payload) }
    : { ok: false, reason: 'checksum' };
}

export function base58CheckEncode(payload: Uint8Array): string {
  return base58Encode(Buffer.concat([payload, sha256d(payload).subarray(0, 4)]));
}
