// Private temporary files under `<dataDir>/tmp` (0700 directory, 0600 files): where an upload is
// written while it streams in, on the same file system as the evidence store so a finished file is
// moved into place by a rename, never copied through memory. Backups leave the directory out; files
// a crashed process left there are removed by the housekeeping sweep.
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { lstat, mkdir, open, readdir, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export const TEMP_DIR = 'tmp';

export type TempFile = { path: string; stream: WriteStream };

/** A new private file (created exclusively, 0600) and a stream writing it. */
export async function createTempFile(dataDir: string, label = 'upload'): Promise<TempFile> {
  const dir = path.join(dataDir, TEMP_DIR);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${label}-${randomBytes(12).toString('hex')}.part`);
  const stream = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  await once(stream, 'open');
  return { path: file, stream };
}

/** Flushes a written (and closed) file to disk, so a rename of it survives a crash. */
export async function syncFile(file: string): Promise<void> {
  const fh: FileHandle = await open(file, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export async function removeTempFile(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** Removes temporary files older than `olderThan` (a process killed mid-upload leaves one); returns how many. */
export async function sweepTempFiles(dataDir: string, olderThan: Date): Promise<number> {
  const dir = path.join(dataDir, TEMP_DIR);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const st = await lstat(file).catch(() => null);
    if (st?.isFile() && st.mtime < olderThan) {
      await rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}
