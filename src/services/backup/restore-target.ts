// Checks before a restore writes anything: the data dir must be empty (an operator may already have
// put the master key there), and after the backup is verified, the PostgreSQL schema must hold no
// tables. Also tells whether the master key the restored node will use opens its sealed key ring.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../errors.js';
import { deserializeKeyRing } from '../../federation/crypto/node-keys.js';
import { countTables } from '../../storage/backup-tables.js';
import type { Queryable } from '../../storage/db.js';

const ALLOWED = new Set(['keys', 'keys/master.key']);

const notEmpty = (where: string) => new AppError('RESTORE_TARGET_NOT_EMPTY', {
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

/** Whether the master key the restored node will load (env first, then keys/master.key) opens keys/keyring.enc. */
export function checkMasterKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): MasterKeyCheck {
  const ring = path.join(dataDir, 'keys', 'keyring.enc');
  const file = path.join(dataDir, 'keys', 'master.key');
  const encoded = env.CROSSLINE_MASTER_KEY || (existsSync(file) ? readFileSync(file, 'utf8').trim() : '');
  if (!encoded || !existsSync(ring)) return 'absent';
  try {
    deserializeKeyRing(readFileSync(ring, 'utf8'), Buffer.from(encoded, 'base64'));
    return 'opens';
  } catch {
    return 'wrong';
  }
}
