// The node's secrets on disk: a 32-byte master key (wraps TOTP secrets and evidence data keys)
// and the Ed25519 signing key that signs custody events; created on first start.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, createHash, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openSecret, sealSecret } from './secret-box.js';

export type NodeSecrets = {
  masterKey: Buffer;
  signingKey: KeyObject;
  signingPublicKey: KeyObject;
  /** Short stable id of the signing key (first 16 hex chars of the SHA-256 of its public JWK). */
  signingKeyId: string;
};

export function loadOrCreateNodeSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): NodeSecrets {
  const dir = path.join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const masterKey = loadMasterKey(dir, env);
  const signingFile = path.join(dir, 'signing-key.enc');
  let signingKey: KeyObject;
  if (existsSync(signingFile)) {
    const pem = openSecret(readFileSync(signingFile, 'utf8').trim(), masterKey, 'node-signing-key');
    signingKey = createPrivateKey(pem);
  } else {
    signingKey = generateKeyPairSync('ed25519').privateKey;
    const pem = signingKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    writeFileSync(signingFile, sealSecret(pem, masterKey, 'node-signing-key'), { mode: 0o600 });
  }
  const signingPublicKey = createPublicKey(signingKey);
  const jwk = signingPublicKey.export({ format: 'jwk' });
  const signingKeyId = createHash('sha256').update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x })).digest('hex').slice(0, 16);
  return { masterKey, signingKey, signingPublicKey, signingKeyId };
}

/** CROSSLINE_MASTER_KEY (base64, 32 bytes) wins, so an operator can keep the key off the data disk. */
function loadMasterKey(dir: string, env: NodeJS.ProcessEnv): Buffer {
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
