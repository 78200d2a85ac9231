// Evidence ciphertext on the node's own disk under `<dataDir>/<key>` (the default store): written to a
// temporary name, fsynced, renamed and the directory fsynced, so a crash never leaves a half-written
// item and a completed write survives one.
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { chmod, copyFile, lstat, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { EVIDENCE_PREFIX, assertObjectKey, isObjectKey, type ObjectEntry, type ObjectStore } from './object-store.js';

/** The file of a key; refuses any key that could leave the evidence directory. */
export function objectPath(dataDir: string, key: string): string {
  assertObjectKey(key);
  return path.join(dataDir, ...key.split('/'));
}

export function createDiskObjectStore(dataDir: string): ObjectStore {
  return {
    kind: 'disk',
    location: path.join(dataDir, EVIDENCE_PREFIX),
    async put(key, bytes) {
      await writeObjectFile(objectPath(dataDir, key), bytes);
    },
    async putFile(key, file) {
      await moveObjectFile(objectPath(dataDir, key), file.path);
    },
    async get(key) {
      try {
        return await readFile(objectPath(dataDir, key));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async remove(key) {
      await rm(objectPath(dataDir, key), { force: true });
    },
    list: (prefix) => listObjectFiles(dataDir, prefix),
  };
}

async function writeObjectFile(target: string, bytes: Buffer): Promise<void> {
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(temp, 'wx', 0o600);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  // The rename itself must survive a crash too: sync the directory entry.
  const dh = await open(dir, 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
}

/**
 * Moves a finished, fsynced file into place by a rename (the temporary directory is on the data dir,
 * like the evidence directory). Should the evidence directory be another file system (a mount of its
 * own), the file is copied next to its target first, fsynced, and renamed from there.
 */
async function moveObjectFile(target: string, source: string): Promise<void> {
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  try {
    await rename(source, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await copyFile(source, temp, fsConstants.COPYFILE_EXCL);
      await chmod(temp, 0o600);
      const fh = await open(temp, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  const dh = await open(dir, 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
}

/** Files under `<dataDir>/evidence` named by a valid key (temporary files of a write in progress are not). */
async function* listObjectFiles(dataDir: string, prefix: string): AsyncGenerator<ObjectEntry> {
  async function* walk(dir: string, rel: string): AsyncGenerator<ObjectEntry> {
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const name of names) {
      const key = `${rel}/${name}`;
      const abs = path.join(dir, name);
      const st = await lstat(abs).catch(() => null);
      if (st?.isDirectory()) yield* walk(abs, key);
      else if (st?.isFile() && isObjectKey(key) && key.startsWith(prefix)) yield { key, size: st.size };
    }
  }
  yield* walk(path.join(dataDir, 'evidence'), 'evidence');
}
