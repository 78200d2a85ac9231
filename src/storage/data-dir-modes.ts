// Private modes for a node's data dir, whatever its store: the directory itself 0700 (0711 when the
// node runs as root and its embedded PostgreSQL server as another account, which must pass through
// it), every directory below 0700 and every file 0600 at most. The embedded server's own directory
// is left to PostgreSQL, which keeps it 0700 under its own account.
import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { CLUSTER_DIR } from './embedded/cluster-files.js';

/** Creates the data dir if needed and takes group/other rights away from it (search kept when `traversable`). */
export async function secureDataDirMode(dataDir: string, traversable: boolean): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const want = traversable ? 0o711 : 0o700;
  const mode = (await lstat(dataDir)).mode & 0o777;
  if ((mode & 0o077) !== (want & 0o077)) await chmod(dataDir, (mode & 0o700) | (want & 0o077));
}

/**
 * Narrows every file and directory under the data dir (not the server's own) to its owner's rights:
 * files keep at most 0600, directories 0700. Used after a restore, whose files come with the modes a
 * backup recorded — and a backup of a carelessly kept data dir records 0644 or 0666.
 */
export async function tightenNodeFiles(dataDir: string): Promise<void> {
  const walk = async (dir: string, top: boolean): Promise<void> => {
    for (const name of await readdir(dir)) {
      if (top && (name === CLUSTER_DIR || name.startsWith(`.${CLUSTER_DIR}-init-`))) continue;
      const p = path.join(dir, name);
      const st = await lstat(p);
      if (st.isSymbolicLink()) continue;
      const mode = st.mode & 0o777;
      const want = st.isDirectory() ? mode & 0o700 : mode & 0o600;
      if (want !== mode) await chmod(p, want);
      if (st.isDirectory()) await walk(p, false);
    }
  };
  await walk(dataDir, true);
}

/** The most a restored file may keep of the mode its backup recorded: its owner's read and write. */
export function restoredFileMode(recorded: number): number {
  return recorded & 0o600 || 0o600;
}
