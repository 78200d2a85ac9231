// The node's files under its data dir that a backup carries: configuration, the sealed key ring,
// evidence ciphertext and anything else kept there — never the embedded server's files or password
// (the database travels as rows; a restore makes a new server), nor the master key (a backup holds
// only ciphertext of secrets).
import { createReadStream } from 'node:fs';
import { lstat, mkdir, open, readdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { CLUSTER_DIR, PASSWORD_FILE } from './embedded/cluster-files.js';
import { restoredFileMode } from './data-dir-modes.js';
import { TEMP_DIR } from './temp-files.js';

export type NodeFile = { path: string; size: number; mode: number };

// `tmp`: uploads being received (storage/temp-files.ts), never a finished node file.
const EXCLUDED = new Set([CLUSTER_DIR, PASSWORD_FILE, 'pglite', 'pglite.pid', 'keys/master.key', TEMP_DIR]);

/** True for a relative path a backup may carry and a restore may write. */
export function isNodeFilePath(rel: string): boolean {
  if (!rel || rel.startsWith('/') || rel.includes('\\') || rel.includes('\0')) return false;
  const parts = rel.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return false;
  // `.postgres-init-*`: a server being created at this moment (embedded/cluster-process.ts).
  return !EXCLUDED.has(parts[0]!) && !EXCLUDED.has(rel) && !parts[0]!.startsWith(`.${CLUSTER_DIR}-init-`);
}

/** Regular files under `dataDir` (sorted, `/`-separated), except the database, the master key and `skip`. */
export async function listNodeFiles(dataDir: string, skip: readonly string[] = []): Promise<NodeFile[]> {
  const skipped = new Set(skip.map((f) => path.resolve(f)));
  const out: NodeFile[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const name of names) {
      const abs = path.join(dir, name);
      const relPath = rel ? `${rel}/${name}` : name;
      if (!isNodeFilePath(relPath) || skipped.has(abs)) continue;
      const st = await lstat(abs);
      if (st.isDirectory()) await walk(abs, relPath);
      else if (st.isFile()) out.push({ path: relPath, size: st.size, mode: st.mode & 0o777 });
    }
  };
  await walk(dataDir, '');
  return out;
}

export function readNodeFile(dataDir: string, rel: string, chunkBytes: number): AsyncIterable<Buffer> {
  return createReadStream(path.join(dataDir, ...rel.split('/')), { highWaterMark: chunkBytes });
}

/**
 * Creates a restored file (refusing to overwrite one) and returns a handle to append its chunks to.
 * It keeps the mode the backup recorded, but never more than 0600: a backup of a carelessly kept data
 * dir may record 0644 or 0666, and the umask of whoever restores cannot be relied on to narrow it.
 */
export async function createNodeFile(dataDir: string, rel: string, mode: number): Promise<FileHandle> {
  if (!isNodeFilePath(rel)) throw new Error(`refusing to write ${rel}`);
  const target = path.join(dataDir, ...rel.split('/'));
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const fh = await open(target, 'wx', restoredFileMode(mode));
  await fh.chmod(restoredFileMode(mode));
  return fh;
}
