// Streaming evidence encryption for large files: plaintext is hashed while it is encrypted,
// so a multi-gigabyte upload is read once and never held in memory.
import type { TransformCallback } from 'node:stream';
import { Transform } from 'node:stream';
import type { CipherGCM, DecipherGCM, Hash } from 'node:crypto';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { EvidenceEncryption } from './evidence-crypto.js';
import { EVIDENCE_ALG, assertKey, generateDataKey, integrityFailed, unwrapKey, wrapKey } from './evidence-crypto.js';

export type EncryptSummary = { iv: string; tag: string; sha256: string; size: number };

/** Pipe plaintext in, ciphertext out; `summary()` is available once the stream has finished. */
export class EvidenceEncryptStream extends Transform {
  private readonly cipher: CipherGCM;
  private readonly hash: Hash = createHash('sha256');
  private readonly ivBytes = randomBytes(12);
  private size = 0;
  private result: EncryptSummary | undefined;

  constructor(key: Buffer, aad?: string) {
    super();
    assertKey(key);
    this.cipher = createCipheriv('aes-256-gcm', key, this.ivBytes);
    if (aad !== undefined) this.cipher.setAAD(Buffer.from(aad, 'utf8'));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    cb(null, this.cipher.update(chunk));
  }

  override _flush(cb: TransformCallback): void {
    const last = this.cipher.final();
    this.result = {
      iv: this.ivBytes.toString('base64url'),
      tag: this.cipher.getAuthTag().toString('base64url'),
      sha256: this.hash.digest('hex'),
      size: this.size,
    };
    cb(null, last);
  }

  summary(): EncryptSummary {
    if (!this.result) throw new Error('EvidenceEncryptStream: summary() before the stream finished');
    return this.result;
  }
}

/**
 * Pipe ciphertext in, plaintext out. GCM can only authenticate at the end, so plaintext chunks
 * flow before the tag is checked: write them to a temporary place and keep them only if the
 * stream ends without error (EVIDENCE_INTEGRITY_FAILED on a bad tag, hash or size).
 */
export class EvidenceDecryptStream extends Transform {
  private readonly decipher: DecipherGCM;
  private readonly hash: Hash = createHash('sha256');
  private size = 0;

  constructor(
    key: Buffer,
    private readonly params: { iv: string; tag: string; sha256: string; size?: number; aad?: string },
  ) {
    super();
    assertKey(key);
    this.decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(params.iv, 'base64url'));
    if (params.aad !== undefined) this.decipher.setAAD(Buffer.from(params.aad, 'utf8'));
    this.decipher.setAuthTag(Buffer.from(params.tag, 'base64url'));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    const out = this.decipher.update(chunk);
    this.hash.update(out);
    this.size += out.length;
    cb(null, out);
  }

  override _flush(cb: TransformCallback): void {
    let last: Buffer;
    try {
      last = this.decipher.final();
    } catch (cause) {
      cb(integrityFailed('auth_tag', cause));
      return;
    }
    this.hash.update(last);
    this.size += last.length;
    if (this.params.size !== undefined && this.size !== this.params.size) return cb(integrityFailed('size'));
    if (this.hash.digest('hex') !== this.params.sha256.toLowerCase()) return cb(integrityFailed('sha256'));
    cb(null, last);
  }
}

/** Encrypt stream with a fresh data key; `encryption()` gives the record's fields after finish. */
export function createSealStream(masterKey: Buffer, opts: { masterKeyId: string; aad?: string }) {
  const dataKey = generateDataKey();
  const wrappedKey = wrapKey(dataKey, masterKey);
  const stream = new EvidenceEncryptStream(dataKey, opts.aad);
  dataKey.fill(0); // the cipher has its own copy of the key
  return {
    stream,
    encryption(): { encryption: EvidenceEncryption; sha256: string; size: number } {
      const s = stream.summary();
      return {
        encryption: { alg: EVIDENCE_ALG, iv: s.iv, tag: s.tag, wrappedKey, masterKeyId: opts.masterKeyId },
        sha256: s.sha256,
        size: s.size,
      };
    },
  };
}

export function createOpenStream(
  masterKey: Buffer,
  encryption: EvidenceEncryption,
  expected: { sha256: string; size?: number },
  aad?: string,
): EvidenceDecryptStream {
  const dataKey = unwrapKey(encryption.wrappedKey, masterKey);
  const stream = new EvidenceDecryptStream(dataKey, { iv: encryption.iv, tag: encryption.tag, ...expected, aad });
  dataKey.fill(0);
  return stream;
}
