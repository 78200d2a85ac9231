// The node's secrets: a 32-byte master key (wraps TOTP secrets, evidence data keys and the key ring;
// from CROSSLINE_MASTER_KEY or <data-dir>/keys/master.key) and the federation key ring, whose current
// Ed25519 key also signs custody events, so a peer can verify a chain of custody that continues on
// its side. A node keeps its ring in its database (services/federation/node-key-ring.ts); the file
// ring here serves contexts without a database (a simulated peer in tests) and older data dirs.
import { createHmac, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { currentKeys, findKeyVersion, loadOrCreateKeyRing, type KeyRing } from '../federation/crypto/node-keys.js';

export type NodeSecrets = {
  masterKey: Buffer;
  /** Version of the ring in the database this was read from (null: a ring kept in a file). */
  ringVersion: number | null;
  /** Short id of the master key, stored with what it wraps so a rotated master key can be told apart. */
  masterKeyId: string;
  keyRing: KeyRing;
  /** Current federation signing key (Ed25519) and its kid. */
  signingKey: KeyObject;
  signingPublicKey: KeyObject;
  signingKeyId: string;
  /** Public signing key for any kid this node ever used (retired ones included). */
  publicKeyFor(kid: string): KeyObject | undefined;
};

export function keysDir(dataDir: string): string {
  return path.join(dataDir, 'keys');
}

export function loadOrCreateNodeSecrets(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
  now = new Date(),
): NodeSecrets {
  const dir = keysDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const masterKey = loadMasterKey(dir, env);
  return secretsFromRing(masterKey, loadOrCreateKeyRing(dir, masterKey, now));
}

export function secretsFromRing(masterKey: Buffer, keyRing: KeyRing, ringVersion: number | null = null): NodeSecrets {
  const current = currentKeys(keyRing);
  return {
    masterKey,
    ringVersion,
    masterKeyId: masterKeyIdOf(masterKey),
    keyRing,
    signingKey: current.sig.privateKey,
    signingPublicKey: current.sig.publicKey,
    signingKeyId: current.kid,
    publicKeyFor: (kid) => findKeyVersion(keyRing, kid)?.sig.publicKey,
  };
}

function masterKeyIdOf(key: Buffer): string {
  // A keyed hash of a fixed label: identifies the key without revealing anything about it.
  return createHmacHex(key, 'crossline-master-key-id').slice(0, 16);
}

function createHmacHex(key: Buffer, label: string): string {
  return createHmac('sha256', key).update(label).digest('hex');
}

/** CROSSLINE_MASTER_KEY (base64, 32 bytes) wins, so an operator can keep the key off the data disk. */
export function loadMasterKey(dir: string, env: NodeJS.ProcessEnv): Buffer {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (env.CROSSLINE_MASTER_KEY) {
    const key = Buffer.from(env.CROSSLINE_MASTER_KEY, 'base64');
    if (key.length !== 32) throw new Error('CROSSLINE_MASTER_KEY must be 32 bytes, base64-encoded');
    return key;
  }
  const file = path.join(dir, 'master.key');
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} is not a 32-byte base64 key`);
    return key;
  }
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}
