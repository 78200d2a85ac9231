// Checks before a restore writes anything: the data dir must be empty (an operator may already have
// put the master key there), and after the backup is verified, the PostgreSQL schema must hold no
// tables and an S3 evidence store no evidence. Also tells whether the master key the restored node will use opens its sealed key ring.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../errors.js';
import { deserializeKeyRing } from '../../federation/crypto/node-keys.js';
import { countTables } from '../../storage/backup-tables.js';
import type { Queryable } from '../../storage/db.js';
import { EVIDENCE_PREFIX, type ObjectStore } from '../../storage/object-store/object-store.js';
import { hasKeyRingTable, readKeyRing } from '../../storage/repositories/node-key-ring.repository.js';

const ALLOWED = new Set(['keys', 'keys/master.key']);

const notEmpty = (where: string) =>
  new AppError('RESTORE_TARGET_NOT_EMPTY', {
    message: {
      en: `The restore target is not empty: ${where}. Restore only into an empty data directory and an empty schema.`,
      zh: `恢复目标不为空：${where}。只能恢复到空的数据目录和空的数据库模式中。`,
    },
    details: { where },
  });

/** Refuses a data dir holding anything but `keys/master.key`. */
export function assertEmptyDataDir(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir)) {
      const relPath = rel ? `${rel}/${name}` : name;
      if (!ALLOWED.has(relPath)) throw notEmpty(path.join(dataDir, relPath));
      if (statSync(path.join(dir, name)).isDirectory()) walk(path.join(dir, name), relPath);
    }
  };
  walk(dataDir, '');
}

export async function assertEmptySchema(db: Queryable, label: string): Promise<void> {
  const n = await countTables(db);
  if (n > 0) throw notEmpty(`${label} already has ${n} tables`);
}

export type MasterKeyCheck = 'opens' | 'wrong' | 'absent';

/**
 * Whether the master key the restored node will load (env first, then keys/master.key) opens the
 * restored key ring: the one in the database, or in keys/keyring.enc for a backup made before the
 * ring moved into the database.
 */
export async function checkMasterKey(
  db: Queryable,
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<MasterKeyCheck> {
  const ringFile = path.join(dataDir, 'keys', 'keyring.enc');
  const file = path.join(dataDir, 'keys', 'master.key');
  const encoded = env.CROSSLINE_MASTER_KEY || (existsSync(file) ? readFileSync(file, 'utf8').trim() : '');
  const stored = (await hasKeyRingTable(db)) ? await readKeyRing(db) : null;
  const sealed = stored?.sealed ?? (existsSync(ringFile) ? readFileSync(ringFile, 'utf8') : null);
  if (!encoded || sealed === null) return 'absent';
  try {
    deserializeKeyRing(sealed, Buffer.from(encoded, 'base64'));
    return 'opens';
  } catch {
    return 'wrong';
  }
}

/** Refuses an S3 store already holding evidence under the target's prefix (another node's, or an earlier restore's). */
export async function assertEmptyObjectStore(store: ObjectStore): Promise<void> {
  for await (const o of store.list(EVIDENCE_PREFIX)) throw notEmpty(`${store.location} already holds ${o.key}`);
}
