// Key ring: kid derivation, rotation that keeps old keys, and the sealed keyring.enc file.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { base32, fingerprintOf, kidOf } from './key-id.js';
import {
  createKeyRing,
  currentKeys,
  deserializeKeyRing,
  findKeyVersion,
  loadOrCreateKeyRing,
  rotateKeys,
  saveKeyRing,
  serializeKeyRing,
} from './node-keys.js';
import { expectFedError, T0 } from './test-fixtures.js';

const masterKey = randomBytes(32);
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-keys-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('base32', () => {
  it('matches the RFC 4648 test vectors (lower-case, unpadded)', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['f', 'my'],
      ['fo', 'mzxq'],
      ['foo', 'mzxw6'],
      ['foob', 'mzxw6yq'],
      ['fooba', 'mzxw6ytb'],
      ['foobar', 'mzxw6ytboi'],
    ];
    for (const [input, out] of cases) expect(base32(Buffer.from(input))).toBe(out);
  });
});

describe('node key ring', () => {
  it('derives the kid from the public keys as the first 10 bytes of the fingerprint hash', () => {
    const v = currentKeys(createKeyRing(T0));
    expect(v.kid).toMatch(/^[a-z2-7]{16}$/);
    expect(v.kid).toBe(kidOf(v.jwks.sig, v.jwks.enc));
    expect(fingerprintOf(v.jwks.sig, v.jwks.enc).slice(0, 16)).toBe(v.kid);
    expect(v.sig.publicKey.asymmetricKeyType).toBe('ed25519');
    expect(v.enc.publicKey.asymmetricKeyType).toBe('x25519');
  });

  it('rotation retires the current version but keeps it findable', () => {
    const ring = createKeyRing(T0);
    const old = currentKeys(ring);
    const later = new Date(T0.getTime() + 86_400_000);
    const rotated = rotateKeys(ring, later);
    expect(rotated.versions).toHaveLength(2);
    expect(currentKeys(rotated).kid).not.toBe(old.kid);
    expect(currentKeys(rotated).createdAt).toEqual(later);
    expect(findKeyVersion(rotated, old.kid)?.retiredAt).toEqual(later);
    expect(currentKeys(ring).kid).toBe(old.kid); // the input ring is not mutated
  });

  it('round-trips through the sealed form and refuses the wrong master key', () => {
    const ring = rotateKeys(createKeyRing(T0), new Date(T0.getTime() + 1000));
    const sealed = serializeKeyRing(ring, masterKey);
    expect(sealed).not.toContain(currentKeys(ring).jwks.sig.x);
    const back = deserializeKeyRing(sealed, masterKey);
    expect(back.versions.map((v) => [v.kid, v.createdAt.toISOString(), v.retiredAt?.toISOString() ?? null])).toEqual(
      ring.versions.map((v) => [v.kid, v.createdAt.toISOString(), v.retiredAt?.toISOString() ?? null]),
    );
    expectFedError(() => deserializeKeyRing(sealed, randomBytes(32)), 'FED_KEYRING_UNREADABLE');
    expectFedError(() => deserializeKeyRing('v1.garbage', masterKey), 'FED_KEYRING_UNREADABLE');
  });

  it('creates keyring.enc with mode 0600 on first start and reloads the same keys', () => {
    const dir = tempDir();
    const first = loadOrCreateKeyRing(dir, masterKey, T0);
    const file = path.join(dir, 'keyring.enc');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadOrCreateKeyRing(dir, masterKey, new Date(T0.getTime() + 5000));
    expect(currentKeys(again).kid).toBe(currentKeys(first).kid);
    expect(currentKeys(again).createdAt).toEqual(T0);
  });

  it('persists a rotation with saveKeyRing', () => {
    const dir = tempDir();
    const ring = rotateKeys(loadOrCreateKeyRing(dir, masterKey, T0), new Date(T0.getTime() + 1000));
    saveKeyRing(dir, masterKey, ring);
    const reloaded = loadOrCreateKeyRing(dir, masterKey, T0);
    expect(reloaded.versions.map((v) => v.kid)).toEqual(ring.versions.map((v) => v.kid));
    expect(statSync(path.join(dir, 'keyring.enc')).mode & 0o777).toBe(0o600);
  });

  it('refuses a damaged keyring.enc rather than silently creating new keys', () => {
    const dir = tempDir();
    loadOrCreateKeyRing(dir, masterKey, T0);
    const file = path.join(dir, 'keyring.enc');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, -4) + 'AAAA');
    expectFedError(() => loadOrCreateKeyRing(dir, masterKey, T0), 'FED_KEYRING_UNREADABLE');
  });
});
