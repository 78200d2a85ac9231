// Signed messages: round trip and one specific rejection code per way a message can be wrong.
import { describe, expect, it } from 'vitest';
import { signMessage, signMessageAsync, verifyMessage, verifyMessageAsync, type MessageFields } from './envelope.js';
import { fastSign } from './fast-jws.js';
import { currentKeys, rotateKeys } from './node-keys.js';
import { resolverFromCards } from './peer-keys.js';
import { expectFedError, makeNode, T0, withHeader, withPayload } from './test-fixtures.js';

const cn = makeNode('cn-mps');
const us = makeNode('us-fbi');
const stranger = makeNode('xx-rogue');
const atUs = resolverFromCards([cn.card, us.card]);
const fields: MessageFields = { from: 'cn-mps', to: 'us-fbi', channel: 'requests', seq: 1, now: T0, ttlSeconds: 3600 };
const payload = {
  type: 'request.submitted',
  schema: 1,
  body: { ref: 'CN-REQ-2025-0001', title: { en: 'Phishing', zh: '网络钓鱼' } },
};
const expected = { to: 'us-fbi', now: new Date(T0.getTime() + 2000), clockSkewSeconds: 60 };
const seconds = (s: number): Date => new Date(T0.getTime() + s * 1000);

describe('signMessage / verifyMessage', () => {
  it('round-trips header and payload', () => {
    const { jws, header } = signMessage(currentKeys(cn.ring), fields, payload);
    const out = verifyMessage(jws, atUs, expected);
    expect(out.header).toEqual(header);
    expect(out.payload).toEqual(payload);
    expect(header).toMatchObject({
      alg: 'EdDSA',
      typ: 'crossline-msg+jws',
      kid: cn.card.keys.sig.kid,
      iat: T0.getTime() / 1000,
      exp: T0.getTime() / 1000 + 3600,
      mtype: 'request.submitted',
      sv: 1,
    });
    expect(header.mid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(parseInt(header.mid.replaceAll('-', '').slice(0, 12), 16)).toBe(T0.getTime()); // mid stamped from `now`
  });

  it('signs and verifies the same on the thread pool: identical bytes, identical verdicts', async () => {
    const withMid = { ...fields, mid: signMessage(currentKeys(cn.ring), fields, payload).header.mid };
    const inline = signMessage(currentKeys(cn.ring), withMid, payload);
    const pooled = await signMessageAsync(currentKeys(cn.ring), withMid, payload);
    expect(pooled).toEqual(inline);
    expect(await verifyMessageAsync(pooled.jws, atUs, expected)).toEqual(verifyMessage(inline.jws, atUs, expected));
    const forged = withHeader(pooled.jws, (h) => ({ ...h, seq: 2 }));
    await expect(verifyMessageAsync(forged, atUs, expected)).rejects.toMatchObject({ code: 'FED_BAD_SIGNATURE' });
  });

  it('gives successive messages distinct, increasing mids in the same millisecond', () => {
    const mids = Array.from({ length: 50 }, () => signMessage(currentKeys(cn.ring), fields, payload).header.mid);
    expect(new Set(mids).size).toBe(50);
    expect([...mids].sort()).toEqual(mids);
  });

  it('rejects a tampered payload or header with FED_BAD_SIGNATURE', () => {
    const { jws } = signMessage(currentKeys(cn.ring), fields, payload);
    expectFedError(
      () => verifyMessage(withPayload(jws, JSON.stringify({ ...payload, body: { ref: 'X' } })), atUs, expected),
      'FED_BAD_SIGNATURE',
    );
    expectFedError(
      () =>
        verifyMessage(
          withHeader(jws, (h) => ({ ...h, seq: 2 })),
          atUs,
          expected,
        ),
      'FED_BAD_SIGNATURE',
    );
    expectFedError(
      () =>
        verifyMessage(
          withHeader(jws, (h) => ({ ...h, alg: 'none' })),
          atUs,
          expected,
        ),
      'FED_BAD_SIGNATURE',
    );
  });

  it('rejects a message signed with the wrong key under the right kid', () => {
    const forged = signMessage({ ...currentKeys(stranger.ring), kid: cn.card.keys.sig.kid }, fields, payload);
    expectFedError(() => verifyMessage(forged.jws, atUs, expected), 'FED_BAD_SIGNATURE');
  });

  it('rejects an unknown sender and an unknown kid', () => {
    const fromStranger = signMessage(currentKeys(stranger.ring), { ...fields, from: 'xx-rogue' }, payload);
    expectFedError(() => verifyMessage(fromStranger.jws, atUs, expected), 'FED_UNKNOWN_SENDER');
    const unknownKid = signMessage(currentKeys(stranger.ring), fields, payload);
    expectFedError(() => verifyMessage(unknownKid.jws, atUs, expected), 'FED_UNKNOWN_KEY');
  });

  it('rejects a message addressed to another node and one from another batch sender', () => {
    const { jws } = signMessage(currentKeys(cn.ring), { ...fields, to: 'gb-nca' }, payload);
    expectFedError(() => verifyMessage(jws, atUs, expected), 'FED_MISADDRESSED');
    const ok = signMessage(currentKeys(cn.ring), fields, payload).jws;
    expectFedError(() => verifyMessage(ok, atUs, { ...expected, from: 'gb-nca' }), 'FED_SENDER_MISMATCH');
  });

  it('applies expiry and the clock-skew window to iat and exp', () => {
    const { jws } = signMessage(currentKeys(cn.ring), fields, payload);
    expect(() => verifyMessage(jws, atUs, { ...expected, now: seconds(3600 + 59) })).not.toThrow();
    expectFedError(() => verifyMessage(jws, atUs, { ...expected, now: seconds(3600 + 60) }), 'FED_EXPIRED');
    expect(() => verifyMessage(jws, atUs, { ...expected, now: seconds(-60) })).not.toThrow();
    expectFedError(() => verifyMessage(jws, atUs, { ...expected, now: seconds(-61) }), 'FED_NOT_YET_VALID');
    expectFedError(
      () => verifyMessage(jws, atUs, { ...expected, now: seconds(-1), clockSkewSeconds: 0 }),
      'FED_NOT_YET_VALID',
    );
  });

  it('still verifies messages signed before a rotation, but not ones the retired key signs afterwards', () => {
    const before = signMessage(currentKeys(cn.ring), fields, payload);
    const rotatedRing = rotateKeys(cn.ring, seconds(600));
    const rotated = makeNode('cn-mps', seconds(600), rotatedRing);
    const resolve = resolverFromCards([rotated.card]);
    const now = { ...expected, now: seconds(700) };
    expect(verifyMessage(before.jws, resolve, now).payload).toEqual(payload);
    const fresh = signMessage(currentKeys(rotatedRing), { ...fields, now: seconds(650) }, payload);
    expect(verifyMessage(fresh.jws, resolve, now).header.kid).toBe(rotated.card.keys.sig.kid);
    const late = signMessage(rotatedRing.versions[0]!, { ...fields, now: seconds(690) }, payload);
    expectFedError(() => verifyMessage(late.jws, resolve, now), 'FED_KEY_RETIRED');
  });

  it('rejects malformed messages', () => {
    const { jws } = signMessage(currentKeys(cn.ring), fields, payload);
    for (const bad of [
      '',
      'x.y',
      `${jws}.extra`,
      42,
      withHeader(jws, (h) => ({ ...h, seq: 0 })),
      withHeader(jws, (h) => ({ ...h, typ: 'crossline-receipt+jws' })),
      withHeader(jws, (h) => ({ ...h, crit: ['exp'] })),
    ]) {
      expectFedError(() => verifyMessage(bad, atUs, expected), 'FED_MALFORMED');
    }
    expect(() => signMessage(currentKeys(cn.ring), { ...fields, seq: 0 }, payload)).toThrow(TypeError);
    expect(() => signMessage(currentKeys(cn.ring), { ...fields, ttlSeconds: 0 }, payload)).toThrow(TypeError);
  });

  it('rejects a validly signed payload whose type disagrees with the header', () => {
    const keys = currentKeys(cn.ring);
    const { jws } = signMessage(keys, fields, payload);
    // Re-sign a mismatching payload with the real key, as a buggy sender might.
    const [h] = jws.split('.');
    const header = JSON.parse(Buffer.from(h!, 'base64url').toString()) as { alg: 'EdDSA' };
    const bad = fastSign(header, JSON.stringify({ type: 'case.shared', schema: 1, body: {} }), keys.sig.privateKey);
    expectFedError(() => verifyMessage(bad, atUs, expected), 'FED_MALFORMED');
  });
});

describe('signMessage against jose', () => {
  it('emits exactly what jose CompactSign would, and jose verifies it', async () => {
    const { CompactSign, compactVerify } = await import('jose');
    const keys = currentKeys(cn.ring);
    for (let seq = 1; seq <= 20; seq++) {
      const { jws, header } = signMessage(keys, { ...fields, seq }, { ...payload, body: { seq, note: '合作 ✓' } });
      const bytes = new TextEncoder().encode(
        JSON.stringify({ body: { note: '合作 ✓', seq }, schema: 1, type: payload.type }),
      );
      expect(jws).toBe(await new CompactSign(bytes).setProtectedHeader(header).sign(keys.sig.privateKey));
      await compactVerify(jws, keys.sig.publicKey, { algorithms: ['EdDSA'] });
    }
  });
});
