import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import {
  decryptEvidence,
  encryptEvidence,
  generateDataKey,
  openEvidence,
  sealEvidence,
  sha256Hex,
  unwrapKey,
  wrapKey,
} from './evidence-crypto.js';
import { EvidenceDecryptStream, EvidenceEncryptStream, createOpenStream, createSealStream } from './evidence-stream.js';
import { codeOf } from './test-fixtures.js';

const key = generateDataKey();
const master = randomBytes(32);
const plaintext = Buffer.from('聊天记录导出 — chat export of suspect account\n'.repeat(50));

const flip = (b64: string) => {
  const b = Buffer.from(b64, 'base64url');
  b[0] = b[0]! ^ 1;
  return b.toString('base64url');
};

describe('encryptEvidence / decryptEvidence', () => {
  it('round-trips and records SHA-256 and size of the plaintext', () => {
    const enc = encryptEvidence(plaintext, key, 'ev-1');
    expect(enc.sha256).toBe(sha256Hex(plaintext));
    expect(enc.size).toBe(plaintext.length);
    expect(enc.ciphertext.equals(plaintext)).toBe(false);
    expect(Buffer.from(enc.iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(enc.tag, 'base64url')).toHaveLength(16);
    expect(decryptEvidence(enc, key, enc, 'ev-1').equals(plaintext)).toBe(true);
  });

  it('uses a fresh IV every time', () => {
    expect(encryptEvidence(plaintext, key).iv).not.toBe(encryptEvidence(plaintext, key).iv);
  });

  const enc = encryptEvidence(plaintext, key, 'ev-1');
  const tampered = Buffer.from(enc.ciphertext);
  tampered[10] = tampered[10]! ^ 0xff;
  it.each([
    ['flipped ciphertext byte', () => decryptEvidence({ ...enc, ciphertext: tampered }, key, enc, 'ev-1')],
    [
      'truncated ciphertext',
      () => decryptEvidence({ ...enc, ciphertext: enc.ciphertext.subarray(1) }, key, enc, 'ev-1'),
    ],
    ['altered tag', () => decryptEvidence({ ...enc, tag: flip(enc.tag) }, key, enc, 'ev-1')],
    ['altered IV', () => decryptEvidence({ ...enc, iv: flip(enc.iv) }, key, enc, 'ev-1')],
    ['wrong key', () => decryptEvidence(enc, generateDataKey(), enc, 'ev-1')],
    ['blob moved to another record (AAD)', () => decryptEvidence(enc, key, enc, 'ev-2')],
    ['recorded hash differs', () => decryptEvidence(enc, key, { sha256: sha256Hex(Buffer.from('x')) }, 'ev-1')],
    ['recorded size differs', () => decryptEvidence(enc, key, { sha256: enc.sha256, size: enc.size + 1 }, 'ev-1')],
  ])('detects %s (EVIDENCE_INTEGRITY_FAILED)', (_name, fn) => {
    expect(codeOf(fn)).toBe('EVIDENCE_INTEGRITY_FAILED');
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => encryptEvidence(plaintext, randomBytes(16))).toThrow(RangeError);
  });
});

describe('envelope encryption', () => {
  it('wraps and unwraps a data key with the master key', () => {
    const wrapped = wrapKey(key, master);
    expect(wrapped).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(wrapped).not.toContain(key.toString('base64url'));
    expect(unwrapKey(wrapped, master).equals(key)).toBe(true);
  });
  it.each([
    ['wrong master key', () => unwrapKey(wrapKey(key, master), randomBytes(32))],
    [
      'tampered wrapped key',
      () =>
        unwrapKey(
          wrapKey(key, master).replace(/\.([\w-])/, (_m, c: string) => `.${c === 'A' ? 'B' : 'A'}`),
          master,
        ),
    ],
    ['garbage', () => unwrapKey('v2.abc', master)],
  ])('fails with EVIDENCE_KEY_UNWRAP_FAILED on %s', (_n, fn) => {
    expect(codeOf(fn)).toBe('EVIDENCE_KEY_UNWRAP_FAILED');
  });
  it('seal/open round-trips with a per-item key', () => {
    const a = sealEvidence(plaintext, master, { masterKeyId: 'mk-1', aad: 'ev-1' });
    const b = sealEvidence(plaintext, master, { masterKeyId: 'mk-1', aad: 'ev-1' });
    expect(a.encryption).toMatchObject({ alg: 'A256GCM', masterKeyId: 'mk-1' });
    expect(a.encryption.wrappedKey).not.toBe(b.encryption.wrappedKey);
    expect(openEvidence(a.ciphertext, a.encryption, master, a, 'ev-1').equals(plaintext)).toBe(true);
    expect(codeOf(() => openEvidence(b.ciphertext, a.encryption, master, a, 'ev-1'))).toBe('EVIDENCE_INTEGRITY_FAILED');
  });
});

async function collect(source: Buffer[], transform: NodeJS.ReadWriteStream): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(source),
    transform,
    new Writable({
      write(chunk: Buffer, _e, cb) {
        out.push(chunk);
        cb();
      },
    }),
  );
  return Buffer.concat(out);
}

describe('streaming', () => {
  const big = randomBytes(3 * 1024 * 1024 + 17);
  const chunks = Array.from({ length: Math.ceil(big.length / 65_536) }, (_, i) =>
    big.subarray(i * 65_536, (i + 1) * 65_536),
  );

  it('encrypts while hashing, and matches the buffer API', async () => {
    const enc = new EvidenceEncryptStream(key, 'ev-big');
    const ciphertext = await collect(chunks, enc);
    const s = enc.summary();
    expect(s).toMatchObject({ sha256: sha256Hex(big), size: big.length });
    expect(decryptEvidence({ iv: s.iv, tag: s.tag, ciphertext }, key, s, 'ev-big').equals(big)).toBe(true);
    const plain = await collect(
      [ciphertext.subarray(0, 1000), ciphertext.subarray(1000)],
      new EvidenceDecryptStream(key, { ...s, aad: 'ev-big' }),
    );
    expect(plain.equals(big)).toBe(true);
  });

  it('summary() is unavailable before the stream finishes', () => {
    expect(() => new EvidenceEncryptStream(key).summary()).toThrow();
  });

  it('fails the pipeline with EVIDENCE_INTEGRITY_FAILED on tampering', async () => {
    const enc = new EvidenceEncryptStream(key);
    const ciphertext = await collect([plaintext], enc);
    const s = enc.summary();
    const bad = Buffer.from(ciphertext);
    bad[5] = bad[5]! ^ 1;
    await expect(collect([bad], new EvidenceDecryptStream(key, s))).rejects.toMatchObject({
      code: 'EVIDENCE_INTEGRITY_FAILED',
    });
    await expect(
      collect([ciphertext], new EvidenceDecryptStream(key, { ...s, sha256: sha256Hex(Buffer.from('other')) })),
    ).rejects.toMatchObject({ code: 'EVIDENCE_INTEGRITY_FAILED' });
    await expect(
      collect([ciphertext], new EvidenceDecryptStream(key, { ...s, size: s.size - 1 })),
    ).rejects.toMatchObject({ code: 'EVIDENCE_INTEGRITY_FAILED' });
  });

  it('seal and open streams use envelope encryption end to end', async () => {
    const seal = createSealStream(master, { masterKeyId: 'mk-1', aad: 'ev-s' });
    const ciphertext = await collect(chunks, seal.stream);
    const { encryption, sha256, size } = seal.encryption();
    expect(size).toBe(big.length);
    expect(openEvidence(ciphertext, encryption, master, { sha256, size }, 'ev-s').equals(big)).toBe(true);
    const plain = await collect([ciphertext], createOpenStream(master, encryption, { sha256, size }, 'ev-s'));
    expect(plain.equals(big)).toBe(true);
  });
});
