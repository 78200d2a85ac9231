// The node's federation key ring in its database (node_key_ring), sealed with the master key: every
// process of the node — on one host or several — signs and decrypts with the same keys, given only
// the master key (CROSSLINE_MASTER_KEY or keys/master.key). A ring still in <data-dir>/keys/keyring.enc
// (nodes made before the ring moved into the database, old backups) is imported on first start.
// Processes notice a rotation made by another one by its version (refreshNodeSecrets, every upkeep tick).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { createKeyRing, deserializeKeyRing, serializeKeyRing } from '../../federation/crypto/index.js';
import { keysDir, loadMasterKey, secretsFromRing, type NodeSecrets } from '../../security/node-secrets.js';
import type { Queryable } from '../../storage/db.js';
import { insertKeyRing, keyRingVersion, readKeyRing } from '../../storage/repositories/node-key-ring.repository.js';
import type { ServiceContext } from '../context.js';

export const KEY_RING_FILE = 'keyring.enc';

export async function loadNodeSecrets(
  db: Queryable,
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
  now = new Date(),
  logger?: Logger,
): Promise<NodeSecrets> {
  const masterKey = loadMasterKey(keysDir(dataDir), env);
  let stored = await readKeyRing(db);
  const file = path.join(keysDir(dataDir), KEY_RING_FILE);
  const fromFile = existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
  if (!stored) {
    const ring = fromFile ? deserializeKeyRing(fromFile, masterKey) : createKeyRing(now);
    await insertKeyRing(db, fromFile ?? serializeKeyRing(ring, masterKey), now);
    stored = (await readKeyRing(db))!;
  }
  if (fromFile !== null) {
    if (fromFile === stored.sealed) {
      // The database holds this very ring now; a stale copy on disk would only mislead.
      rmSync(file, { force: true });
      logger?.info('federation key ring moved from keys/keyring.enc into the database');
    } else {
      logger?.warn("keys/keyring.enc differs from the key ring in the database; the database's ring is used");
    }
  }
  return secretsFromRing(masterKey, deserializeKeyRing(stored.sealed, masterKey), stored.version);
}

/** Re-reads the ring when another process rotated it; returns true when this process's keys changed. */
export async function refreshNodeSecrets(ctx: ServiceContext): Promise<boolean> {
  if (ctx.secrets.ringVersion === null) return false;
  const version = await keyRingVersion(ctx.db);
  if (version === null || version === ctx.secrets.ringVersion) return false;
  const stored = (await readKeyRing(ctx.db))!;
  ctx.secrets = secretsFromRing(
    ctx.secrets.masterKey,
    deserializeKeyRing(stored.sealed, ctx.secrets.masterKey),
    stored.version,
  );
  ctx.logger.info({ version: stored.version }, 'federation key ring changed by another process; reloaded');
  return true;
}
