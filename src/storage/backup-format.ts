// The node backup file: one gzip stream of JSON lines (header, per table its columns and row
// chunks, files as base64 chunks, then a trailer with counts and a SHA-256 over every line before it).
// Writing streams with backpressure; reading yields lines one by one and checks the hash at the end.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip, type Gzip } from 'node:zlib';

export const BACKUP_FORMAT = 'crossline-backup';
export const BACKUP_FORMAT_VERSION = 1;

export type BackupHeader = {
  kind: 'header';
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  nodeId: string;
  createdAt: string;
  /** Informational: the store the backup was taken from ('embedded', 'external'; 'pglite' and 'postgres' from older releases). */
  store: string;
  migrations: string[];
};
/** Column values are PostgreSQL's text form (null stays null), so every type round-trips exactly. */
export type TableLine = { kind: 'table'; table: string; columns: string[]; types: string[] };
export type RowsLine = { kind: 'rows'; table: string; rows: (string | null)[][] };
/** A node file, relative to the data dir with `/` separators; its bytes follow as `data` lines. */
export type FileLine = { kind: 'file'; path: string; size: number; mode: number };
export type DataLine = { kind: 'data'; path: string; base64: string };
export type BackupTrailer = {
  kind: 'trailer';
  tables: Record<string, number>;
  files: number;
  fileBytes: number;
  sha256: string;
};
export type BackupLine = BackupHeader | TableLine | RowsLine | FileLine | DataLine | BackupTrailer;

/** Writes lines gzip-compressed to `file`, hashing each line's bytes for the trailer. */
export class BackupWriter {
  private readonly hash: Hash = createHash('sha256');
  private readonly gzip: Gzip = createGzip();
  private readonly out: WriteStream;
  private readonly done: Promise<void>;

  constructor(file: string) {
    this.out = createWriteStream(file, { mode: 0o600 });
    this.gzip.pipe(this.out);
    this.done = once(this.out, 'close').then(() => undefined);
    // Surface a write error on the next call instead of an unhandled event.
    this.gzip.on('error', () => undefined);
    this.out.on('error', () => undefined);
  }

  async write(line: Exclude<BackupLine, BackupTrailer>): Promise<void> {
    const bytes = Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
    this.hash.update(bytes);
    if (!this.gzip.write(bytes)) await once(this.gzip, 'drain');
  }

  /** Appends the trailer (the hash covers everything written before it) and closes the file. */
  async finish(trailer: Omit<BackupTrailer, 'kind' | 'sha256'>): Promise<BackupTrailer> {
    const full: BackupTrailer = { kind: 'trailer', ...trailer, sha256: this.hash.digest('hex') };
    this.gzip.end(`${JSON.stringify(full)}\n`);
    await this.done;
    return full;
  }

  async abort(): Promise<void> {
    this.gzip.destroy();
    this.out.destroy();
  }
}

export class BackupReadError extends Error {}

/**
 * Yields the lines of a backup in order and checks, at the end, that a trailer came last and that
 * its hash matches the bytes before it. A consumer that acts on lines must therefore verify the
 * whole file in a first pass (restore does) before acting in a second.
 */
export async function* readBackupLines(file: string): AsyncGenerator<BackupLine> {
  const hash = createHash('sha256');
  const gunzip = createGunzip();
  const input = createReadStream(file).on('error', (e) => gunzip.destroy(e));
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  let trailer: BackupTrailer | undefined;
  let n = 0;
  try {
    for await (const text of lines) {
      n += 1;
      if (trailer) throw new BackupReadError(`line ${n} follows the trailer`);
      let line: BackupLine;
      try {
        line = JSON.parse(text) as BackupLine;
      } catch {
        throw new BackupReadError(`line ${n} is not JSON`);
      }
      if (line === null || typeof line !== 'object' || typeof line.kind !== 'string')
        throw new BackupReadError(`line ${n} has no kind`);
      if (line.kind === 'trailer') {
        trailer = line;
        if (hash.digest('hex') !== line.sha256)
          throw new BackupReadError('the SHA-256 in the trailer does not match the content');
      } else {
        hash.update(`${text}\n`, 'utf8');
      }
      yield line;
    }
  } catch (e) {
    if (e instanceof BackupReadError) throw e;
    throw new BackupReadError(`unreadable: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    lines.close();
    input.destroy();
  }
  if (!trailer) throw new BackupReadError('the file ends without a trailer (truncated)');
}
