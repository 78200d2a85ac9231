// The inbox's media type (docs/federation.md §5): only `application/jose` is taken, matched without
// regard to case (RFC 9110 §8.3.1); anything else is refused 415 UNSUPPORTED_MEDIA_TYPE before
// the body is looked at, as the protocol document says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKeyRing,
  currentKeys,
  newFederationId,
  sealBatch,
  signMessage,
  buildNodeCard,
  type KeyRing,
  type NodeCard,
} from '../../src/federation/crypto/index.js';
import { addPeer } from '../../src/services/federation/add-peer.js';
import { ownNodeCard } from '../../src/services/federation/node-card.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('inbox media type', () => {
  let t: TestApp;
  let ring: KeyRing;
  let own: NodeCard;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp('embedded');
    ring = createKeyRing(t.clock.now());
    const card = buildNodeCard(
      { id: 'sg-media', name: { en: 'Media peer', zh: '媒体对端' }, country: 'SG', endpoint: 'http://127.0.0.1:9' },
      ring,
      t.clock.now(),
    );
    await addPeer(t.ctx, { kind: 'system', partyId: 'cn-test' }, { card, confirmed: true });
    own = ownNodeCard(t.ctx, 'http://127.0.0.1:1');
  });
  afterAll(async () => {
    await t?.close();
  });

  const batch = async () => {
    seq += 1;
    const jws = signMessage(
      currentKeys(ring),
      { from: 'sg-media', to: 'cn-test', channel: 'ops', seq, now: t.clock.now(), ttlSeconds: 3600 },
      { type: 'federation.ping', schema: 1, body: { nonce: `n${seq}` } },
    ).jws;
    return sealBatch([jws], 'sg-media', { id: own.id, keys: { enc: own.keys.enc } }, newFederationId(t.clock.now()));
  };
  const post = (contentType: string, payload: string) =>
    t.app.inject({ method: 'POST', url: '/federation/v1/inbox', headers: { 'content-type': contentType }, payload });

  it('refuses a JSON content type with 415 UNSUPPORTED_MEDIA_TYPE, as documented, whatever the body', async () => {
    // The batch itself labelled as JSON (not parseable as JSON), a JSON document, and JSON in upper case.
    for (const [type, payload] of [
      ['application/json', await batch()],
      ['application/json', JSON.stringify({ batch: await batch() })],
      ['APPLICATION/JSON', '{}'],
    ] as const) {
      const res = await post(type, payload);
      expect(res.statusCode, `${type} ${payload.slice(0, 20)}`).toBe(415);
      expect(res.json()).toMatchObject({
        error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: { en: expect.any(String), zh: expect.any(String) } },
      });
    }
  });

  it('refuses other media types with 415, even when the body is a real batch', async () => {
    for (const type of ['text/plain', 'application/jose+json', 'application/josex', 'application/octet-stream']) {
      const res = await post(type, await batch());
      expect(res.statusCode, type).toBe(415);
      expect(res.json().error.code, type).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('accepts application/jose in any case and with parameters', async () => {
    for (const type of ['application/jose', 'APPLICATION/JOSE', 'Application/Jose; charset=utf-8']) {
      const res = await post(type, await batch());
      expect(res.statusCode, `${type}: ${res.body}`).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/jose/);
      expect(res.body.split('.')).toHaveLength(3);
    }
  });
});
