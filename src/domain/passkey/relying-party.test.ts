// The node's WebAuthn relying party derived from its public URL.
import { describe, expect, it } from 'vitest';
import { relyingPartyFor, rpIdFitsHost } from './relying-party.js';

const base = { listenOrigin: 'http://127.0.0.1:7400', nodeName: 'Crossline CN' };

describe('relying party', () => {
  it('takes the RP ID and origin from publicUrl', () => {
    expect(relyingPartyFor({ ...base, publicUrl: 'https://crossline.police.example/' })).toEqual({
      rpId: 'crossline.police.example',
      origins: ['https://crossline.police.example'],
      rpName: 'Crossline CN',
    });
    expect(relyingPartyFor({ ...base, publicUrl: 'https://node.example:8443' }).origins).toEqual([
      'https://node.example:8443',
    ]);
  });

  it('names a loopback address localhost (a browser refuses an IP address as RP ID)', () => {
    expect(relyingPartyFor({ ...base, publicUrl: 'http://127.0.0.1:7401' })).toMatchObject({
      rpId: 'localhost',
      origins: ['http://localhost:7401'],
    });
    expect(relyingPartyFor(base)).toMatchObject({ rpId: 'localhost', origins: ['http://localhost:7400'] });
  });

  it('widens the RP ID to a parent domain only', () => {
    expect(
      relyingPartyFor({ ...base, publicUrl: 'https://cn.crossline.example', passkeyRpId: 'crossline.example' }).rpId,
    ).toBe('crossline.example');
    expect(
      relyingPartyFor({ ...base, publicUrl: 'https://cn.crossline.example', passkeyRpId: 'other.example' }).rpId,
    ).toBe('cn.crossline.example');
    expect(rpIdFitsHost('example', 'notexample')).toBe(false);
    expect(rpIdFitsHost('Example.org', 'a.example.org')).toBe(true);
  });
});
