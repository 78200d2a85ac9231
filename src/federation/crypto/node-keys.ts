// The node's federation key ring: one current version (Ed25519 signing + X25519 encryption) plus
// retired versions kept so old messages still verify and batches sealed to old keys still open.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { openSecret, sealSecret } from '../../security/secret-box.js';
import { fedError } from './errors.js';
import { bareJwkOf, kidOf, type EncJwk, type SigJwk } from './key-id.js';

export type KeyPair = { privateKey: KeyObject; publicKey: KeyObject };

export type KeyVersion = {
  kid: string;
  createdAt: Date;
  retiredAt: Date | null;
  sig: KeyPair;
  enc: KeyPair;
  /** Public JWKs, computed once because cards and batches need them often. */
  jwks: { sig: SigJwk; enc: EncJwk };
};

/** Versions oldest first; the last one is current (retiredAt null). Treated as immutable. */
export type KeyRing = { versions: readonly KeyVersion[] };

const SEAL_PURPOSE = 'federation-keyring';
const FILE_NAME = 'keyring.enc';

function versionFromKeys(
  sigPrivate: KeyObject,
  encPrivate: KeyObject,
  createdAt: Date,
  retiredAt: Date | null,
): KeyVersion {
  const sig = { privateKey: sigPrivate, publicKey: createPublicKey(sigPrivate) };
  const enc = { privateKey: encPrivate, publicKey: createPublicKey(encPrivate) };
  const sigBare = bareJwkOf(sig.publicKey);
  const encBare = bareJwkOf(enc.publicKey);
  const kid = kidOf(sigBare, encBare);
  return {
    kid,
    createdAt,
    retiredAt,
    sig,
    enc,
    jwks: {
      sig: { kty: 'OKP', crv: 'Ed25519', x: sigBare.x, kid },
      enc: { kty: 'OKP', crv: 'X25519', x: encBare.x, kid },
    },
  };
}

export function generateKeyVersion(now: Date): KeyVersion {
  return versionFromKeys(
    generateKeyPairSync('ed25519').privateKey,
    generateKeyPairSync('x25519').privateKey,
    now,
    null,
  );
}

export function createKeyRing(now: Date): KeyRing {
  return { versions: [generateKeyVersion(now)] };
}

export function currentKeys(ring: KeyRing): KeyVersion {
  const current = ring.versions.at(-1);
  if (!current || current.retiredAt !== null) throw new Error('key ring has no current version');
  return current;
}

export function findKeyVersion(ring: KeyRing, kid: string): KeyVersion | undefined {
  return ring.versions.find((v) => v.kid === kid);
}

/** Retires the current version at `now` and appends a fresh one; returns a new ring. */
export function rotateKeys(ring: KeyRing, now: Date): KeyRing {
  const versions = ring.versions.map((v) => (v.retiredAt === null ? { ...v, retiredAt: now } : v));
  return { versions: [...versions, generateKeyVersion(now)] };
}

const ZPrivateOkp = z.object({ d: z.string().min(1), x: z.string().min(1) });
const ZStoredRing = z.object({
  v: z.literal(1),
  versions: z
    .array(
      z.object({
        kid: z.string(),
        createdAt: z.iso.datetime(),
        retiredAt: z.iso.datetime().nullable(),
        sig: ZPrivateOkp,
        enc: ZPrivateOkp,
      }),
    )
    .min(1),
});

function privateJwk(key: KeyObject): { d: string; x: string } {
  const jwk = key.export({ format: 'jwk' });
  return { d: String(jwk.d), x: String(jwk.x) };
}

export function serializeKeyRing(ring: KeyRing, masterKey: Buffer): string {
  const stored: z.infer<typeof ZStoredRing> = {
    v: 1,
    versions: ring.versions.map((v) => ({
      kid: v.kid,
      createdAt: v.createdAt.toISOString(),
      retiredAt: v.retiredAt ? v.retiredAt.toISOString() : null,
      sig: privateJwk(v.sig.privateKey),
      enc: privateJwk(v.enc.privateKey),
    })),
  };
  return sealSecret(JSON.stringify(stored), masterKey, SEAL_PURPOSE);
}

export function deserializeKeyRing(sealed: string, masterKey: Buffer): KeyRing {
  let stored: z.infer<typeof ZStoredRing>;
  try {
    stored = ZStoredRing.parse(JSON.parse(openSecret(sealed.trim(), masterKey, SEAL_PURPOSE)));
  } catch (cause) {
    throw fedError('FED_KEYRING_UNREADABLE', undefined, cause);
  }
  const versions = stored.versions.map((s) => {
    const sigKey = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', ...s.sig }, format: 'jwk' });
    const encKey = createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', ...s.enc }, format: 'jwk' });
    const version = versionFromKeys(sigKey, encKey, new Date(s.createdAt), s.retiredAt ? new Date(s.retiredAt) : null);
    // The kid is recomputed, never trusted from disk, so a spliced or damaged entry is caught here.
    if (version.kid !== s.kid) throw fedError('FED_KEYRING_UNREADABLE', { reason: 'kid mismatch' });
    return version;
  });
  const ring = { versions };
  currentKeys(ring);
  return ring;
}

/** Writes and fsyncs a private (0600) temp file next to the target, returning its path. */
function writeTemp(file: string, content: string): string {
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

/** Opens `<dir>/keyring.enc`, or creates it on first start. Safe if two processes start at once. */
export function loadOrCreateKeyRing(dir: string, masterKey: Buffer, now: Date): KeyRing {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, FILE_NAME);
  if (existsSync(file)) return deserializeKeyRing(readFileSync(file, 'utf8'), masterKey);
  const ring = createKeyRing(now);
  const tmp = writeTemp(file, serializeKeyRing(ring, masterKey));
  try {
    linkSync(tmp, file); // atomic create-if-absent: a concurrent starter's ring is never overwritten
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return deserializeKeyRing(readFileSync(file, 'utf8'), masterKey);
  } finally {
    unlinkSync(tmp);
  }
  return ring;
}

/** Replaces `<dir>/keyring.enc` atomically, e.g. after rotateKeys. */
export function saveKeyRing(dir: string, masterKey: Buffer, ring: KeyRing): void {
  const file = path.join(dir, FILE_NAME);
  renameSync(writeTemp(file, serializeKeyRing(ring, masterKey)), file);
}
