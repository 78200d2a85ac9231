// Evidence at rest (docs/spec.md §4.3, §9.3): AES-256-GCM per item with its own random data key,
// the data key wrapped (envelope encryption) by the node master key; SHA-256 of the plaintext
// recorded so integrity is checked on every read.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../errors.js';

export const EVIDENCE_ALG = 'A256GCM';
const IV_BYTES = 12;
const KEY_BYTES = 32;
const WRAP_AAD = 'crossline:evidence-key:v1';

/** What the evidence record stores about encryption (never the plaintext data key). */
export type EvidenceEncryption = {
  alg: typeof EVIDENCE_ALG;
  /** base64url, 12 bytes. */
  iv: string;
  /** base64url GCM tag, 16 bytes. */
  tag: string;
  /** Data key wrapped by the master key: `v1.<iv>.<tag>.<ciphertext>` (base64url parts). */
  wrappedKey: string;
  /** Which master key wrapped it, so master keys can be rotated. */
  masterKeyId: string;
};

export type EncryptedEvidence = { iv: string; tag: string; ciphertext: Buffer; sha256: string; size: number };

const b64 = (b: Buffer) => b.toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url');

export function assertKey(key: Buffer, what = 'key'): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) throw new RangeError(`${what} must be a 32-byte Buffer`);
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function generateDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/**
 * `aad` binds the ciphertext to its record (pass the evidence id) so a stored blob cannot be
 * swapped onto another record without failing authentication.
 */
export function encryptEvidence(plaintext: Buffer, key: Buffer, aad?: string): EncryptedEvidence {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (aad !== undefined) cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    iv: b64(iv),
    tag: b64(cipher.getAuthTag()),
    ciphertext,
    sha256: sha256Hex(plaintext),
    size: plaintext.length,
  };
}

export function integrityFailed(reason: string, cause?: unknown): AppError {
  return new AppError('EVIDENCE_INTEGRITY_FAILED', { details: { reason }, cause });
}

/** Decrypts and checks the GCM tag, then the recorded SHA-256 and size; throws EVIDENCE_INTEGRITY_FAILED. */
export function decryptEvidence(
  enc: { iv: string; tag: string; ciphertext: Buffer },
  key: Buffer,
  expected: { sha256: string; size?: number },
  aad?: string,
): Buffer {
  assertKey(key);
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, unb64(enc.iv));
    if (aad !== undefined) decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(unb64(enc.tag));
    plaintext = Buffer.concat([decipher.update(enc.ciphertext), decipher.final()]);
  } catch (cause) {
    throw integrityFailed('auth_tag', cause);
  }
  if (expected.size !== undefined && plaintext.length !== expected.size) throw integrityFailed('size');
  if (sha256Hex(plaintext) !== expected.sha256.toLowerCase()) throw integrityFailed('sha256');
  return plaintext;
}

export function wrapKey(dataKey: Buffer, masterKey: Buffer): string {
  assertKey(dataKey, 'dataKey');
  assertKey(masterKey, 'masterKey');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(Buffer.from(WRAP_AAD));
  const ct = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return `v1.${b64(iv)}.${b64(cipher.getAuthTag())}.${b64(ct)}`;
}

export function unwrapKey(wrapped: string, masterKey: Buffer): Buffer {
  assertKey(masterKey, 'masterKey');
  const parts = wrapped.split('.');
  try {
    if (parts.length !== 4 || parts[0] !== 'v1') throw new Error('format');
    const decipher = createDecipheriv('aes-256-gcm', masterKey, unb64(parts[1]!));
    decipher.setAAD(Buffer.from(WRAP_AAD));
    decipher.setAuthTag(unb64(parts[2]!));
    const key = Buffer.concat([decipher.update(unb64(parts[3]!)), decipher.final()]);
    assertKey(key);
    return key;
  } catch (cause) {
    throw new AppError('EVIDENCE_KEY_UNWRAP_FAILED', { cause });
  }
}

export type SealedEvidence = { ciphertext: Buffer; encryption: EvidenceEncryption; sha256: string; size: number };

/** Encrypts with a fresh data key and wraps that key: everything the record and the store need. */
export function sealEvidence(
  plaintext: Buffer,
  masterKey: Buffer,
  opts: { masterKeyId: string; aad?: string },
): SealedEvidence {
  const dataKey = generateDataKey();
  try {
    const enc = encryptEvidence(plaintext, dataKey, opts.aad);
    return {
      ciphertext: enc.ciphertext,
      sha256: enc.sha256,
      size: enc.size,
      encryption: {
        alg: EVIDENCE_ALG,
        iv: enc.iv,
        tag: enc.tag,
        wrappedKey: wrapKey(dataKey, masterKey),
        masterKeyId: opts.masterKeyId,
      },
    };
  } finally {
    dataKey.fill(0);
  }
}

export function openEvidence(
  ciphertext: Buffer,
  encryption: EvidenceEncryption,
  masterKey: Buffer,
  expected: { sha256: string; size?: number },
  aad?: string,
): Buffer {
  const dataKey = unwrapKey(encryption.wrappedKey, masterKey);
  try {
    return decryptEvidence({ iv: encryption.iv, tag: encryption.tag, ciphertext }, dataKey, expected, aad);
  } finally {
    dataKey.fill(0);
  }
}
