// The public node card: identity, endpoint and public keys, self-signed so that any change made in
// transit or at rest is detected before an admin compares the fingerprint out of band.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../domain/shared/canonical-json.js';
import { isFederationError } from './errors.js';
import { fastSign, parseJws, verifyParsedJws } from './fast-jws.js';
import { fingerprintOf, kidOf } from './key-id.js';
import { ZNodeCard, type NodeCard } from './node-card-schema.js';
import { currentKeys, type KeyRing } from './node-keys.js';

export { ZNodeCard, type NodeCard } from './node-card-schema.js';

export type NodeCardInput = { id: string; name: { en: string; zh: string }; country: string; endpoint: string };
export type CardCheck = { ok: true; card: NodeCard } | { ok: false; reason: string };

const CARD_TYP = 'crossline-card+jws';

/** The bytes both the signature and the endorsements cover. */
function signedBytes(card: Omit<NodeCard, 'signature' | 'endorsements'> & Partial<NodeCard>): string {
  const { signature: _s, endorsements: _e, ...rest } = card;
  return canonicalJson(rest);
}

function signDetached(bytes: string, kid: string, key: KeyObject): string {
  const [h, , s] = fastSign({ alg: 'EdDSA', kid, typ: CARD_TYP }, bytes, key).split('.');
  return `${h}..${s}`;
}

/** Re-attaches the payload and verifies; false on any failure (the reason is given by the caller). */
function verifyDetached(detached: string, bytes: string, kid: string, key: KeyObject): boolean {
  const [h, , s] = detached.split('.');
  try {
    const parsed = parseJws(`${h}.${Buffer.from(bytes, 'utf8').toString('base64url')}.${s}`);
    if (parsed.header.kid !== kid || parsed.header.typ !== CARD_TYP) return false;
    verifyParsedJws(parsed, key);
    return true;
  } catch (e) {
    if (isFederationError(e)) return false;
    throw e;
  }
}

function detachedKid(detached: string): unknown {
  try {
    return parseJws(`${detached.split('.')[0]}..`).header.kid;
  } catch {
    return undefined;
  }
}

export function buildNodeCard(input: NodeCardInput, ring: KeyRing, now: Date): NodeCard {
  const current = currentKeys(ring);
  const retired = ring.versions.filter((v) => v.retiredAt !== null);
  const unsigned = {
    v: 1 as const,
    id: input.id,
    name: { en: input.name.en, zh: input.name.zh },
    country: input.country,
    endpoint: input.endpoint,
    keys: current.jwks,
    previousKeys: retired.map((v) => ({
      sig: v.jwks.sig,
      enc: v.jwks.enc,
      retiredAt: (v.retiredAt as Date).toISOString(),
    })),
    fingerprint: fingerprintOf(current.jwks.sig, current.jwks.enc),
    issuedAt: now.toISOString(),
  };
  const bytes = signedBytes(unsigned);
  const card: NodeCard = {
    ...unsigned,
    endorsements: retired.map((v) => signDetached(bytes, v.kid, v.sig.privateKey)),
    signature: signDetached(bytes, current.kid, current.sig.privateKey),
  };
  // Catch a bad id/country/endpoint in config here rather than at every peer that imports the card.
  const check = verifyNodeCard(card);
  if (!check.ok) throw new TypeError(`cannot build node card: ${check.reason}`);
  return card;
}

function sigKey(jwk: { kty: string; crv: string; x: string }): KeyObject {
  return createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
}

/** Schema, kid and fingerprint consistency, self-signature and endorsements. Never throws. */
export function verifyNodeCard(input: unknown): CardCheck {
  const parsed = ZNodeCard.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `schema: ${issue?.path.join('.') || '(card)'} ${issue?.message ?? ''}`.trim() };
  }
  const card = parsed.data;
  const { sig, enc } = card.keys;
  if (sig.kid !== enc.kid || sig.kid !== kidOf(sig, enc)) return { ok: false, reason: 'kid does not match keys' };
  if (card.fingerprint !== fingerprintOf(sig, enc)) return { ok: false, reason: 'fingerprint does not match keys' };
  const kids = new Set([sig.kid]);
  for (const prev of card.previousKeys) {
    if (prev.sig.kid !== prev.enc.kid || prev.sig.kid !== kidOf(prev.sig, prev.enc)) {
      return { ok: false, reason: 'previous kid does not match keys' };
    }
    if (kids.has(prev.sig.kid)) return { ok: false, reason: 'duplicate kid' };
    kids.add(prev.sig.kid);
  }
  const bytes = signedBytes(card);
  if (!verifyDetached(card.signature, bytes, sig.kid, sigKey(sig))) return { ok: false, reason: 'signature invalid' };
  for (const endorsement of card.endorsements) {
    const prev = card.previousKeys.find((p) => p.sig.kid === detachedKid(endorsement));
    if (!prev || !verifyDetached(endorsement, bytes, prev.sig.kid, sigKey(prev.sig))) {
      return { ok: false, reason: 'endorsement invalid' };
    }
  }
  return { ok: true, card };
}

export type CardUpdateCheck = { ok: true; card: NodeCard; rotated: boolean } | { ok: false; reason: string };

/**
 * Whether a newly fetched card may replace a trusted one without a new out-of-band fingerprint
 * check: same node, not older, and either the same keys or a rotation endorsed by the trusted key.
 */
export function verifyCardUpdate(trusted: NodeCard, candidate: unknown): CardUpdateCheck {
  const check = verifyNodeCard(candidate);
  if (!check.ok) return check;
  const card = check.card;
  if (card.id !== trusted.id) return { ok: false, reason: 'different node id' };
  if (Date.parse(card.issuedAt) < Date.parse(trusted.issuedAt)) return { ok: false, reason: 'older than trusted card' };
  if (card.fingerprint === trusted.fingerprint) return { ok: true, card, rotated: false };
  const old = trusted.keys.sig;
  const kept = card.previousKeys.find((p) => p.sig.kid === old.kid && p.sig.x === old.x);
  const endorsed = card.endorsements.some((e) => verifyDetached(e, signedBytes(card), old.kid, sigKey(old)));
  if (!kept || !endorsed) return { ok: false, reason: 'rotation not endorsed by the trusted key' };
  return { ok: true, card, rotated: true };
}
