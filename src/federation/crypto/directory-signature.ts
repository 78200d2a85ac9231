// Founders' signatures on a membership directory: detached compact JWS (like a card's signature)
// over the directory's canonical bytes, protected header {alg, kid, typ, party}. Verification only
// counts a signature made by a key the caller trusts for that party; anything else simply does not
// count (a forged or unknown signature never throws).
import { createPublicKey, type KeyObject } from 'node:crypto';
import { directoryBytes, type DirectoryDocument } from '../../domain/federation-directory/document.js';
import type { VerifiedSigner } from '../../domain/federation-directory/rules.js';
import { isFederationError } from './errors.js';
import { fastSign, parseJws, verifyParsedJws } from './fast-jws.js';
import type { SigJwk } from './key-id.js';
import { currentKeys, type KeyRing } from './node-keys.js';

export const DIRECTORY_TYP = 'crossline-directory+jws';

/**
 * A signing key this node trusts for a founder, and the card fingerprints it speaks for (its own
 * first, then those of earlier keys it replaced by an endorsed rotation).
 */
export type TrustedFounderKey = { party: string; fingerprints: readonly string[]; sig: SigJwk };

export function signDirectory(doc: DirectoryDocument, party: string, ring: KeyRing): string {
  const current = currentKeys(ring);
  const [h, , s] = fastSign(
    { alg: 'EdDSA', kid: current.kid, typ: DIRECTORY_TYP, party },
    directoryBytes(doc),
    current.sig.privateKey,
  ).split('.');
  return `${h}..${s}`;
}

/** The party a detached signature claims (unverified), or null when it cannot be read. */
export function signatureParty(detached: string): string | null {
  try {
    const party = parseJws(`${detached.split('.')[0]}..`).header.party;
    return typeof party === 'string' ? party : null;
  } catch {
    return null;
  }
}

const keyOf = (jwk: SigJwk): KeyObject =>
  createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });

/** The founders whose signature verifies with a trusted key of theirs (each party at most once). */
export function verifiedSigners(
  doc: DirectoryDocument,
  signatures: readonly string[],
  trusted: readonly TrustedFounderKey[],
): VerifiedSigner[] {
  const payload = Buffer.from(directoryBytes(doc), 'utf8').toString('base64url');
  const out: VerifiedSigner[] = [];
  for (const detached of signatures) {
    const [h, , s] = detached.split('.');
    try {
      const parsed = parseJws(`${h}.${payload}.${s}`);
      const { party, kid, typ } = parsed.header;
      if (typ !== DIRECTORY_TYP || typeof party !== 'string' || out.some((o) => o.party === party)) continue;
      const key = trusted.find((t) => t.party === party && t.sig.kid === kid);
      if (!key) continue;
      verifyParsedJws(parsed, keyOf(key.sig));
      out.push({ party, fingerprints: key.fingerprints });
    } catch (e) {
      if (!isFederationError(e)) throw e;
    }
  }
  return out;
}
