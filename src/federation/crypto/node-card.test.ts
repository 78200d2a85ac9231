// Node cards: self-signature catches any edit, fingerprints are stable, rotations can be followed.
import { describe, expect, it } from 'vitest';
import { fingerprintsEqual, formatFingerprint } from './key-id.js';
import { buildNodeCard, verifyCardUpdate, verifyNodeCard } from './node-card.js';
import type { NodeCard } from './node-card-schema.js';
import { createKeyRing, rotateKeys } from './node-keys.js';
import { makeNode, T0 } from './test-fixtures.js';

const later = new Date(T0.getTime() + 30 * 86_400_000);

function edited(card: NodeCard, change: (c: NodeCard) => void): unknown {
  const copy = structuredClone(card);
  change(copy);
  return copy;
}

describe('node card', () => {
  it('builds a card that verifies, including after a JSON round trip', () => {
    const { card } = makeNode('cn-mps');
    expect(verifyNodeCard(card)).toEqual({ ok: true, card });
    expect(verifyNodeCard(JSON.parse(JSON.stringify(card)))).toMatchObject({ ok: true });
    expect(card.keys.sig.kid).toBe(card.keys.enc.kid);
    expect(card.signature).toMatch(/^[\w-]+\.\.[\w-]+$/);
  });

  it('detects every kind of tampering', () => {
    const { card } = makeNode('cn-mps');
    const other = makeNode('us-fbi').card;
    const cases: [string, unknown, string][] = [
      ['name', edited(card, (c) => (c.name.en = 'Evil Agency')), 'signature invalid'],
      ['endpoint', edited(card, (c) => (c.endpoint = 'https://attacker.example')), 'signature invalid'],
      ['country', edited(card, (c) => (c.country = 'US')), 'signature invalid'],
      ['issuedAt', edited(card, (c) => (c.issuedAt = later.toISOString())), 'signature invalid'],
      ['enc key swapped', edited(card, (c) => (c.keys.enc = other.keys.enc)), 'kid does not match keys'],
      [
        'all keys swapped',
        edited(card, (c) => ((c.keys = other.keys), (c.fingerprint = other.fingerprint))),
        'signature invalid',
      ],
      ['fingerprint', edited(card, (c) => (c.fingerprint = other.fingerprint)), 'fingerprint does not match keys'],
      ['signature', edited(card, (c) => (c.signature = other.signature)), 'signature invalid'],
      ['extra field', { ...card, admin: true }, 'schema'],
    ];
    for (const [label, tampered, reason] of cases) {
      const result = verifyNodeCard(tampered);
      expect(result.ok, label).toBe(false);
      if (!result.ok) expect(result.reason, label).toContain(reason);
    }
  });

  it('refuses to build a card from invalid identity data', () => {
    const ring = createKeyRing(T0);
    const good = { id: 'cn-mps', name: { en: 'A', zh: '甲' }, country: 'CN', endpoint: 'https://a.example' };
    expect(() => buildNodeCard({ ...good, id: 'CN MPS' }, ring, T0)).toThrow(/schema: id/);
    expect(() => buildNodeCard({ ...good, endpoint: 'ftp://a.example' }, ring, T0)).toThrow(/schema: endpoint/);
    expect(() => buildNodeCard({ ...good, name: { en: ' ', zh: '甲' } }, ring, T0)).toThrow(/schema: name.en/);
  });

  it('keeps the fingerprint stable for the same keys and changes it on rotation', () => {
    const ring = createKeyRing(T0);
    const a = buildNodeCard(
      { id: 'cn-mps', name: { en: 'A', zh: '甲' }, country: 'CN', endpoint: 'https://a.example' },
      ring,
      T0,
    );
    const b = buildNodeCard(
      { id: 'cn-mps', name: { en: 'B', zh: '乙' }, country: 'CN', endpoint: 'https://b.example' },
      ring,
      later,
    );
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).toMatch(/^[a-z2-7]{52}$/);
    const rotated = buildNodeCard(
      { id: 'cn-mps', name: { en: 'A', zh: '甲' }, country: 'CN', endpoint: 'https://a.example' },
      rotateKeys(ring, later),
      later,
    );
    expect(rotated.fingerprint).not.toBe(a.fingerprint);
  });

  it('formats the fingerprint for reading aloud and compares what an admin types', () => {
    const { card } = makeNode('cn-mps');
    const shown = formatFingerprint(card.fingerprint);
    expect(shown).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/);
    expect(fingerprintsEqual(shown.toLowerCase().replaceAll('-', ' '), card.fingerprint)).toBe(true);
    expect(fingerprintsEqual(shown.replace(/.$/, '1'), card.fingerprint)).toBe(false);
  });

  it('lists retired keys after rotation, endorsed by them', () => {
    const node = makeNode('cn-mps');
    const rotated = makeNode('cn-mps', later, rotateKeys(node.ring, later));
    expect(rotated.card.previousKeys).toEqual([
      { sig: node.card.keys.sig, enc: node.card.keys.enc, retiredAt: later.toISOString() },
    ]);
    expect(rotated.card.endorsements).toHaveLength(1);
    expect(verifyNodeCard(rotated.card).ok).toBe(true);
    const forged = edited(rotated.card, (c) => (c.endorsements = [c.signature]));
    expect(verifyNodeCard(forged)).toEqual({ ok: false, reason: 'endorsement invalid' });
  });

  it('accepts an endorsed rotation as an update but not a stranger, an older card or another node', () => {
    const node = makeNode('cn-mps');
    const rotated = makeNode('cn-mps', later, rotateKeys(node.ring, later));
    expect(verifyCardUpdate(node.card, rotated.card)).toMatchObject({ ok: true, rotated: true });
    expect(verifyCardUpdate(node.card, makeNode('cn-mps', later).card)).toMatchObject({
      ok: false,
      reason: 'rotation not endorsed by the trusted key',
    });
    expect(verifyCardUpdate(rotated.card, node.card)).toMatchObject({ ok: false, reason: 'older than trusted card' });
    expect(verifyCardUpdate(node.card, makeNode('us-fbi', later).card)).toMatchObject({
      ok: false,
      reason: 'different node id',
    });
    const moved = makeNode('cn-mps', later, node.ring);
    expect(verifyCardUpdate(node.card, moved.card)).toMatchObject({ ok: true, rotated: false });
  });
});
