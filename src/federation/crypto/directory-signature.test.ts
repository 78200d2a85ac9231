// The directory's acceptance rules with real keys: k of n founders, forged and foreign signatures,
// rollback, the chain link, and a founder change that only the OLD founders can authorise.
import { describe, expect, it } from 'vitest';
import { directoryHash, type DirectoryDocument } from '../../domain/federation-directory/document.js';
import { ZDirectoryDocument } from '../../domain/federation-directory/document.js';
import { checkDirectory, type HeldDirectory } from '../../domain/federation-directory/rules.js';
import { isAppError } from '../../errors.js';
import { signDirectory, verifiedSigners, type TrustedFounderKey } from './directory-signature.js';
import { createKeyRing, rotateKeys } from './node-keys.js';
import { flipChar, makeNode, T0, type TestNode } from './test-fixtures.js';

const [a, b, c, d] = ['fa-one', 'fb-two', 'fc-three', 'md-four'].map((id) => makeNode(id)) as [
  TestNode,
  TestNode,
  TestNode,
  TestNode,
];
const trusted: TrustedFounderKey[] = [a, b, c, d].map((n) => ({
  party: n.id,
  fingerprints: [n.card.fingerprint],
  sig: n.card.keys.sig,
}));

const member = (n: TestNode) => ({
  party: n.id,
  name: n.card.name,
  country: n.card.country,
  endpoint: n.card.endpoint,
  fingerprint: n.card.fingerprint,
  roles: [],
});

function doc(over: Partial<DirectoryDocument> = {}): DirectoryDocument {
  return ZDirectoryDocument.parse({
    v: 1,
    federation: 'g7-net',
    version: 1,
    issuedAt: T0.toISOString(),
    previous: null,
    founders: [a, b, c].map((n) => ({ party: n.id, fingerprint: n.card.fingerprint })),
    threshold: 2,
    members: [a, b, c, d].map(member),
    ...over,
  });
}

const signed = (document: DirectoryDocument, by: TestNode[]) => by.map((n) => signDirectory(document, n.id, n.ring));
const check = (document: DirectoryDocument, sigs: string[], held: HeldDirectory | null = null) =>
  checkDirectory(document, held, verifiedSigners(document, sigs, trusted));
const codeOf = (fn: () => unknown): unknown => {
  try {
    fn();
    return 'accepted';
  } catch (e) {
    return isAppError(e) ? e.code : e;
  }
};
const held = (document: DirectoryDocument): HeldDirectory => ({ document, hash: directoryHash(document) });

describe('directory signatures', () => {
  it('accepts k of n distinct founders and refuses fewer', () => {
    const v1 = doc();
    expect(check(v1, signed(v1, [a, b])).signedBy).toEqual(['fa-one', 'fb-two']);
    expect(check(v1, signed(v1, [a, b, c])).signedBy).toHaveLength(3);
    expect(codeOf(() => check(v1, signed(v1, [a])))).toBe('FED_DIRECTORY_NOT_ENOUGH_SIGNATURES');
    // The same founder twice counts once.
    expect(codeOf(() => check(v1, [...signed(v1, [a]), ...signed(v1, [a])]))).toBe(
      'FED_DIRECTORY_NOT_ENOUGH_SIGNATURES',
    );
  });

  it('does not count a forged signature, a signature over other bytes, or a non-founder', () => {
    const v1 = doc();
    const [sa, sb] = signed(v1, [a, b]) as [string, string];
    expect(codeOf(() => check(v1, [sa, flipChar(sb, 2)]))).toBe('FED_DIRECTORY_NOT_ENOUGH_SIGNATURES');
    const other = doc({ issuedAt: '2025-03-02T08:00:00.000Z' });
    expect(codeOf(() => check(v1, [sa, ...signed(other, [b])]))).toBe('FED_DIRECTORY_NOT_ENOUGH_SIGNATURES');
    // d is a trusted peer but not a founder of this directory.
    expect(codeOf(() => check(v1, [sa, ...signed(v1, [d])]))).toBe('FED_DIRECTORY_NOT_ENOUGH_SIGNATURES');
  });

  it('does not count a founder signing with a key other than the one this node trusts for it', () => {
    const v1 = doc();
    const impostor = { ...b, ring: createKeyRing(T0) };
    expect(codeOf(() => check(v1, [...signed(v1, [a]), ...signed(v1, [impostor])]))).toBe(
      'FED_DIRECTORY_NOT_ENOUGH_SIGNATURES',
    );
    // A key trusted for party a does not count for party b, even if the header names b.
    const claimsB = signDirectory(v1, b.id, a.ring);
    expect(codeOf(() => check(v1, [...signed(v1, [a]), claimsB]))).toBe('FED_DIRECTORY_NOT_ENOUGH_SIGNATURES');
  });

  it('counts a founder who rotated its key (endorsed, accepted by this node) under its listed old fingerprint', () => {
    const v1 = doc();
    const rotatedB = makeNode(b.id, new Date(T0.getTime() + 1000), rotateKeys(b.ring, new Date(T0.getTime() + 1000)));
    const old = b.card.fingerprint;
    const followed: TrustedFounderKey[] = trusted.map((t) =>
      t.party === b.id
        ? { party: b.id, fingerprints: [rotatedB.card.fingerprint, old], sig: rotatedB.card.keys.sig }
        : t,
    );
    const sigs = [...signed(v1, [a]), ...signed(v1, [rotatedB])];
    expect(checkDirectory(v1, null, verifiedSigners(v1, sigs, followed)).signedBy).toEqual(['fa-one', 'fb-two']);
    // Without the accepted rotation, the new key speaks for nobody.
    expect(codeOf(() => check(v1, sigs))).toBe('FED_DIRECTORY_NOT_ENOUGH_SIGNATURES');
  });

  it('refuses a version older than the one held, or the same version with other content', () => {
    const v1 = doc();
    const v2 = doc({ version: 2, previous: directoryHash(v1), members: [a, b, c].map(member) });
    expect(check(v2, signed(v2, [a, b]), held(v1)).resync).toBe(false);
    expect(codeOf(() => check(v1, signed(v1, [a, b, c]), held(v2)))).toBe('FED_DIRECTORY_ROLLBACK');
    const v2other = doc({ version: 2, previous: directoryHash(v1) });
    expect(codeOf(() => check(v2other, signed(v2other, [a, b]), held(v2)))).toBe('FED_DIRECTORY_ROLLBACK');
    // The very same version again is a re-sync, not a rollback.
    expect(check(v2, signed(v2, [a, c]), held(v2)).resync).toBe(true);
  });

  it('refuses a next version that does not name the held one as previous, or another federation', () => {
    const v1 = doc();
    const v2 = doc({ version: 2, previous: 'f'.repeat(64) });
    expect(codeOf(() => check(v2, signed(v2, [a, b]), held(v1)))).toBe('FED_DIRECTORY_CHAIN_BROKEN');
    const foreign = doc({ federation: 'other-net', version: 2, previous: directoryHash(v1) });
    expect(codeOf(() => check(foreign, signed(foreign, [a, b]), held(v1)))).toBe('FED_DIRECTORY_OTHER_FEDERATION');
  });

  it('takes a change of founders or threshold only when k of the OLD founders sign it', () => {
    const v1 = doc();
    // d becomes a founder and the threshold 3 of 4: signed by d and one old founder only.
    const v2 = doc({
      version: 2,
      previous: directoryHash(v1),
      threshold: 3,
      founders: [a, b, c, d].map((n) => ({ party: n.id, fingerprint: n.card.fingerprint })),
    });
    const verdict = () => check(v2, signed(v2, [d, a]), held(v1));
    expect(codeOf(verdict)).toBe('FED_DIRECTORY_NOT_ENOUGH_SIGNATURES');
    const ok = check(v2, signed(v2, [a, b]), held(v1));
    expect(ok).toMatchObject({ foundersChanged: true, signedBy: ['fa-one', 'fb-two'] });
    // Lowering the threshold to 1 is a change too: one founder alone cannot do it.
    const lower = doc({ version: 2, previous: directoryHash(v1), threshold: 1 });
    expect(codeOf(() => check(lower, signed(lower, [a]), held(v1)))).toBe('FED_DIRECTORY_NOT_ENOUGH_SIGNATURES');
    expect(check(lower, signed(lower, [a, c]), held(v1)).foundersChanged).toBe(true);
  });

  it('refuses malformed documents: threshold above the founders, a founder who is not a member', () => {
    expect(() => doc({ threshold: 4 })).toThrow();
    expect(() => doc({ members: [a, b].map(member) })).toThrow();
    expect(() => doc({ version: 2 })).toThrow(); // version 2 must name its previous version
  });
});
