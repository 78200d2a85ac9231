// Public JWK forms of node keys and the identifiers derived from them: the per-version kid and the
// human-checked fingerprint. Both hash the same canonical { sig, enc } object, so a kid is simply
// the first 10 bytes (16 base32 characters) of the fingerprint hash.
import { createHash, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../domain/shared/canonical-json.js';

export type SigJwk = { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string };
export type EncJwk = { kty: 'OKP'; crv: 'X25519'; x: string; kid: string };
type BareJwk = { kty: string; crv: string; x: string };

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** RFC 4648 base32, lower-case, no padding. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1; // keep only unread bits so the accumulator never overflows
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Only the members that define the key (as in an RFC 7638 thumbprint), so kid never hashes itself. */
function bare(jwk: BareJwk): BareJwk {
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
}

function keySetDigest(sig: BareJwk, enc: BareJwk): Buffer {
  return createHash('sha256')
    .update(canonicalJson({ sig: bare(sig), enc: bare(enc) }))
    .digest();
}

export function fingerprintOf(sig: BareJwk, enc: BareJwk): string {
  return base32(keySetDigest(sig, enc));
}

export function kidOf(sig: BareJwk, enc: BareJwk): string {
  return base32(keySetDigest(sig, enc).subarray(0, 10));
}

/** The public JWK of an Ed25519/X25519 KeyObject (private keys are reduced to their public half). */
export function bareJwkOf(key: KeyObject): BareJwk {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || typeof jwk.crv !== 'string' || typeof jwk.x !== 'string') {
    throw new TypeError('expected an OKP (Ed25519/X25519) key');
  }
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
}

/** For reading aloud over the phone: upper-case groups of four, e.g. `ABCD-EFGH-…`. */
export function formatFingerprint(fingerprint: string): string {
  return (
    normaliseFingerprint(fingerprint)
      .toUpperCase()
      .match(/.{1,4}/g)
      ?.join('-') ?? ''
  );
}

/** Accepts what an admin types or pastes (any case, dashes, spaces) and returns the stored form. */
export function normaliseFingerprint(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, '');
}

export function fingerprintsEqual(a: string, b: string): boolean {
  const na = normaliseFingerprint(a);
  return na.length > 0 && na === normaliseFingerprint(b);
}
