// fast-jwe must be indistinguishable from jose for our batches: the same bytes out for the same
// ephemeral key, CEK and IV; each opens the other's output; what jose refuses, fast-jwe refuses.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { CompactEncrypt, compactDecrypt } from 'jose';
import { describe, expect, it } from 'vitest';
import { fastOpenJwe, fastSealJwe, JWE_ALG, JWE_ENC, JweMalformed, JweUndecryptable } from './fast-jwe.js';

const recipient = generateKeyPairSync('x25519');
const stranger = generateKeyPairSync('x25519');
const header = {
  alg: JWE_ALG,
  enc: JWE_ENC,
  typ: 'crossline-batch+jwe',
  from: 'cn-mps',
  to: 'us-fbi',
  bid: 'b',
  kid: 'k',
};

async function joseSeal(
  plaintext: Uint8Array,
  fixed?: { epk: ReturnType<typeof generateKeyPairSync>['privateKey']; cek: Buffer; iv: Buffer },
): Promise<string> {
  const enc = new CompactEncrypt(plaintext).setProtectedHeader(header);
  if (!fixed) return enc.encrypt(recipient.publicKey);
  // jose exports the ephemeral public key from the key it is given, so that key must be extractable.
  const epk = await crypto.subtle.importKey('jwk', fixed.epk.export({ format: 'jwk' }), { name: 'X25519' }, true, [
    'deriveBits',
  ]);
  return enc
    .setKeyManagementParameters({ epk })
    .setContentEncryptionKey(fixed.cek)
    .setInitializationVector(fixed.iv)
    .encrypt(recipient.publicKey);
}

async function joseOpens(jwe: string): Promise<boolean> {
  return compactDecrypt(jwe, recipient.privateKey, {
    keyManagementAlgorithms: [JWE_ALG],
    contentEncryptionAlgorithms: [JWE_ENC],
  }).then(
    () => true,
    () => false,
  );
}

function fastOpens(jwe: string): boolean {
  try {
    fastOpenJwe(jwe, recipient.privateKey);
    return true;
  } catch (e) {
    if (!(e instanceof JweMalformed || e instanceof JweUndecryptable)) throw e;
    return false;
  }
}

describe('fast-jwe against jose', () => {
  it('produces the same bytes as jose for the same ephemeral key, CEK and IV', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (plaintext) => {
        const fixed = { epk: generateKeyPairSync('x25519').privateKey, cek: randomBytes(32), iv: randomBytes(12) };
        const ours = fastSealJwe(header, plaintext, recipient.publicKey, {
          ephemeralPrivateKey: fixed.epk,
          cek: fixed.cek,
          iv: fixed.iv,
        });
        expect(ours).toBe(await joseSeal(plaintext, fixed));
      }),
      { numRuns: 40 },
    );
  });

  it('opens what jose seals, and jose opens what it seals', async () => {
    const plaintext = new TextEncoder().encode(JSON.stringify(['电信网络诈骗', 'a'.repeat(5000)]));
    const fromJose = await joseSeal(plaintext);
    expect(Buffer.from(fastOpenJwe(fromJose, recipient.privateKey).plaintext)).toEqual(Buffer.from(plaintext));
    const ours = fastSealJwe(header, plaintext, recipient.publicKey);
    const { plaintext: opened, protectedHeader } = await compactDecrypt(ours, recipient.privateKey);
    expect(Buffer.from(opened)).toEqual(Buffer.from(plaintext));
    expect(protectedHeader).toMatchObject(header);
  });

  it('returns the protected header it authenticated', () => {
    const { header: read } = fastOpenJwe(
      fastSealJwe(header, Buffer.from('x'), recipient.publicKey),
      recipient.privateKey,
    );
    expect(read).toMatchObject(header);
    expect(read.epk).toMatchObject({ kty: 'OKP', crv: 'X25519' });
  });

  it('refuses every single-character change, as jose does', async () => {
    const jwe = fastSealJwe(header, Buffer.from('["m1","m2"]'), recipient.publicKey);
    for (let i = 0; i < jwe.length; i += 7) {
      if (jwe[i] === '.') continue;
      const altered = `${jwe.slice(0, i)}${jwe[i] === 'A' ? 'B' : 'A'}${jwe.slice(i + 1)}`;
      // A change in the unused low bits of a part's last character decodes to the same bytes.
      const same = Buffer.from(altered.split('.').join(''), 'base64url').equals(
        Buffer.from(jwe.split('.').join(''), 'base64url'),
      );
      expect(fastOpens(altered)).toBe(same);
      expect(await joseOpens(altered)).toBe(same);
    }
  });

  it('does not open for another key', () => {
    const jwe = fastSealJwe(header, Buffer.from('[]'), recipient.publicKey);
    expect(() => fastOpenJwe(jwe, stranger.privateKey)).toThrow(JweUndecryptable);
  });

  it('names structural faults as malformed', () => {
    const jwe = fastSealJwe(header, Buffer.from('[]'), recipient.publicKey);
    const [h, k, iv, c, t] = jwe.split('.') as [string, string, string, string, string];
    const withHeader = (extra: Record<string, unknown>) => {
      const decoded = JSON.parse(Buffer.from(h, 'base64url').toString()) as Record<string, unknown>;
      return [Buffer.from(JSON.stringify({ ...decoded, ...extra })).toString('base64url'), k, iv, c, t].join('.');
    };
    for (const bad of [
      'a.b.c.d',
      `${jwe}.x`,
      ['!!', k, iv, c, t].join('.'),
      [h, k, 'AAAA', c, t].join('.'),
      [h, k, iv, c, 'AAAA'].join('.'),
      [h, 'AAAA', iv, c, t].join('.'),
      withHeader({ zip: 'DEF' }),
      withHeader({ crit: ['x'], x: 1 }),
      withHeader({ alg: 'RSA-OAEP' }),
      withHeader({ epk: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' } }),
      withHeader({ epk: 'key' }),
    ]) {
      expect(() => fastOpenJwe(bad, recipient.privateKey), bad.slice(0, 40)).toThrow(JweMalformed);
    }
  });

  it('refuses to seal headers that would change the key agreement or the plaintext', () => {
    for (const extra of [{ zip: 'DEF' }, { epk: {} }, { apu: 'x' }, { crit: ['b64'] }, { alg: 'dir' }]) {
      expect(() => fastSealJwe({ ...header, ...extra }, Buffer.from('x'), recipient.publicKey)).toThrow(TypeError);
    }
  });
});
