// fast-jws must be indistinguishable from jose for our header set: same bytes out, and it never
// accepts what jose would reject.
import { generateKeyPairSync, sign as rawSign } from 'node:crypto';
import fc from 'fast-check';
import { CompactSign, compactVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { fastSign, fastVerify } from './fast-jws.js';
import { expectFedError, flipChar, withHeader, withPayload } from './test-fixtures.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');

const headerArb = fc
  .dictionary(
    fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
      .filter((k) => !['alg', 'crit', 'b64', '__proto__'].includes(k)),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 8 },
  )
  .map((extra) => ({ alg: 'EdDSA' as const, ...extra }));
const payloadArb = fc.oneof(fc.uint8Array({ maxLength: 600 }), fc.string({ unit: 'grapheme', maxLength: 300 }));

async function joseSign(header: Record<string, unknown>, payload: Uint8Array | string): Promise<string> {
  const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  return new CompactSign(bytes).setProtectedHeader(header as { alg: string }).sign(privateKey);
}

async function joseAccepts(jws: string): Promise<boolean> {
  return compactVerify(jws, publicKey, { algorithms: ['EdDSA'] }).then(
    () => true,
    () => false,
  );
}

function fastAccepts(jws: string): boolean {
  try {
    fastVerify(jws, publicKey);
    return true;
  } catch {
    return false;
  }
}

describe('fast-jws', () => {
  it('produces byte-identical output to jose CompactSign for random headers and payloads', async () => {
    await fc.assert(
      fc.asyncProperty(headerArb, payloadArb, async (header, payload) => {
        expect(fastSign(header, payload, privateKey)).toBe(await joseSign(header, payload));
      }),
      { numRuns: 300 },
    );
  });

  it('cross-verifies both ways and returns the same header and payload as jose', async () => {
    await fc.assert(
      fc.asyncProperty(headerArb, payloadArb, async (header, payload) => {
        const ours = fastSign(header, payload, privateKey);
        const theirs = await joseSign(header, payload);
        const byJose = await compactVerify(ours, publicKey, { algorithms: ['EdDSA'] });
        const byFast = fastVerify(theirs, publicKey);
        expect(byFast.header).toEqual(byJose.protectedHeader);
        expect(Buffer.from(byFast.payload).equals(Buffer.from(byJose.payload))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('never accepts a mutated token that jose rejects', async () => {
    const mutations = fc.oneof(
      fc.record({ kind: fc.constant('flip'), seg: fc.integer({ min: 0, max: 2 }), at: fc.nat(80) }),
      fc.record({ kind: fc.constant('truncate'), at: fc.nat(200) }),
      fc.record({ kind: fc.constantFrom('pad', 'dot', 'space', 'plus'), at: fc.nat(200) }),
    );
    await fc.assert(
      fc.asyncProperty(headerArb, payloadArb, mutations, async (header, payload, m) => {
        const jws = fastSign(header, payload, privateKey);
        const at = m.at % jws.length;
        const insert: Record<string, string> = { pad: '=', dot: '.', space: ' ', plus: '+' };
        const mutated =
          m.kind === 'flip'
            ? flipChar(jws, (m as { seg: number }).seg, at)
            : m.kind === 'truncate'
              ? jws.slice(0, at)
              : jws.slice(0, at) + insert[m.kind] + jws.slice(at);
        if (fastAccepts(mutated)) expect(await joseAccepts(mutated)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a tampered header, payload or signature and a wrong key', () => {
    const jws = fastSign({ alg: 'EdDSA', kid: 'k1', to: 'us-fbi' }, '{"a":1}', privateKey);
    expectFedError(
      () =>
        fastVerify(
          withHeader(jws, (h) => ({ ...h, to: 'cn-mps' })),
          publicKey,
        ),
      'FED_BAD_SIGNATURE',
    );
    expectFedError(() => fastVerify(withPayload(jws, '{"a":2}'), publicKey), 'FED_BAD_SIGNATURE');
    expectFedError(() => fastVerify(flipChar(jws, 2), publicKey), 'FED_BAD_SIGNATURE');
    expectFedError(() => fastVerify(jws, other.publicKey), 'FED_BAD_SIGNATURE');
  });

  it('rejects alg other than EdDSA, crit and b64=false, as jose does', async () => {
    const sign = (header: Record<string, unknown>): string => {
      const h = Buffer.from(JSON.stringify(header)).toString('base64url');
      const p = Buffer.from('{}').toString('base64url');
      return `${h}.${p}.${rawSign(null, Buffer.from(`${h}.${p}`), privateKey).toString('base64url')}`;
    };
    const none = sign({ alg: 'none' });
    const crit = sign({ alg: 'EdDSA', crit: ['exp'], exp: 1 });
    const b64 = sign({ alg: 'EdDSA', crit: ['b64'], b64: false });
    expectFedError(() => fastVerify(none, publicKey), 'FED_BAD_SIGNATURE');
    expectFedError(() => fastVerify(crit, publicKey), 'FED_MALFORMED');
    expectFedError(() => fastVerify(b64, publicKey), 'FED_MALFORMED');
    expect(await joseAccepts(none)).toBe(false);
    expect(await joseAccepts(crit)).toBe(false);
    expect(() => fastSign({ alg: 'EdDSA', b64: false }, '{}', privateKey)).toThrow(TypeError);
  });

  it('rejects structurally malformed input', () => {
    for (const bad of [42, '', 'a.b', 'a.b.c.d', '!!!.e30.AAAA', 'W10.e30.AAAA', 'bm90anNvbg.e30.AAAA']) {
      expectFedError(() => fastVerify(bad, publicKey), 'FED_MALFORMED');
    }
  });
});
