// Evidence ciphertext on the local disk under `<dataDir>/<storageKey>` (the object-store seam):
// written to a temporary name, fsynced and renamed, so a crash never leaves a half-written item.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

const KEY = /^evidence\/[A-Za-z0-9-]+\/[A-Za-z0-9-]+$/;

/** Refuses any key that could leave the evidence directory (the key is built from ids, never a file name). */
export function evidencePath(dataDir: string, storageKey: string): string {
  if (!KEY.test(storageKey)) throw new Error(`bad evidence storage key ${storageKey}`);
  return path.join(dataDir, ...storageKey.split('/'));
}

export async function writeEvidenceFile(dataDir: string, storageKey: string, bytes: Buffer): Promise<string> {
  const target = evidencePath(dataDir, storageKey);
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
  return target;
}

/** The stored ciphertext, or null when the file is gone. */
export async function readEvidenceFile(dataDir: string, storageKey: string): Promise<Buffer | null> {
  try {
    return await readFile(evidencePath(dataDir, storageKey));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export async function removeEvidenceFile(dataDir: string, storageKey: string): Promise<void> {
  await rm(evidencePath(dataDir, storageKey), { force: true });
}
