// `crossline backup`: every table of the node's database read in one repeatable-read snapshot,
// streamed through cursors, then the node's files (config, sealed keys, evidence ciphertext — from the
// data dir, or from the S3 object store as `evidence/…` entries of the same form), into FILE.partial
// renamed to FILE once the trailer is written. The master key is never included.
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors.js';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupWriter, type BackupTrailer } from '../../storage/backup-format.js';
import { foreignKeyOrder } from '../../domain/backup/table-order.js';
import {
  closeCursor,
  fetchRows,
  listForeignKeys,
  listTables,
  openTableCursor,
  type TableInfo,
} from '../../storage/backup-tables.js';
import type { Db, Queryable } from '../../storage/db.js';
import { isInitialised } from '../../storage/embedded/cluster-files.js';
import { listNodeFiles, readNodeFile } from '../../storage/node-files.js';
import {
  EVIDENCE_PREFIX,
  ObjectChecksumError,
  type ObjectEntry,
  type ObjectStore,
} from '../../storage/object-store/object-store.js';
import { openBackupDb, type NodeStore } from './open-backup-db.js';

export type BackupProgress = { start(total: number): void; advance(units: number): void };
export type BackupInput = NodeStore & {
  nodeId: string;
  out: string;
  progress?: BackupProgress;
  now?: () => Date;
  /** Where the node keeps evidence; without one (or a disk store) evidence is read from the data dir like every other file. */
  objectStore?: ObjectStore;
};
export type BackupSummary = {
  file: string;
  tables: number;
  rows: number;
  files: number;
  fileBytes: number;
  sha256: string;
};

const LINE_BYTES = 4 * 1024 * 1024; // aim for rows lines of about this size, whatever the row width
const FILE_CHUNK = 768 * 1024; // 1 MiB of base64 per data line

export async function backupNode(input: BackupInput): Promise<BackupSummary> {
  if (!input.databaseUrl && !isInitialised(input.dataDir) && !existsSync(path.join(input.dataDir, 'pglite'))) {
    throw new AppError('NOT_FOUND', {
      message: { en: `No node database in ${input.dataDir}.`, zh: `${input.dataDir} 中没有节点数据库。` },
    });
  }
  const out = path.resolve(input.out);
  const partial = `${out}.partial`;
  const db = await openBackupDb(input);
  const writer = new BackupWriter(partial);
  try {
    const trailer = await db.transaction(async (tx) => {
      // One snapshot for every table: the backup is the database as of one instant, even while the node runs.
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      return writeSnapshot(tx, writer, input, db.store, [out, partial]);
    });
    await rename(partial, out);
    const rows = Object.values(trailer.tables).reduce((a, b) => a + b, 0);
    return {
      file: out,
      tables: Object.keys(trailer.tables).length,
      rows,
      files: trailer.files,
      fileBytes: trailer.fileBytes,
      sha256: trailer.sha256,
    };
  } catch (e) {
    await writer.abort();
    await rm(partial, { force: true });
    throw e;
  } finally {
    await db.close();
  }
}

async function writeSnapshot(
  tx: Queryable,
  writer: BackupWriter,
  input: BackupInput,
  store: Db['store'],
  skip: string[],
): Promise<BackupTrailer> {
  const byName = new Map((await listTables(tx)).map((t) => [t.table, t]));
  // Parents before children, so a restore can load the file in one pass.
  const tables: TableInfo[] = foreignKeyOrder([...byName.keys()], await listForeignKeys(tx)).map((n) => byName.get(n)!);
  if (!tables.some((t) => t.table === 'schema_migrations')) {
    throw new AppError('NOT_FOUND', {
      message: {
        en: 'The database holds no Crossline node (no schema_migrations).',
        zh: '数据库中没有 Crossline 节点（缺少 schema_migrations）。',
      },
    });
  }
  const migrations = (await tx.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map(
    (r) => r.name,
  );
  const totals = new Map<string, number>();
  for (const t of tables) {
    const [c] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t.table}"`);
    totals.set(t.table, c?.n ?? 0);
  }
  // Files and objects are listed after the snapshot is taken (its first query above fixed it):
  // evidence is written before its row commits, so every item the snapshot names is already stored.
  const s3 = input.objectStore?.kind === 's3' ? input.objectStore : undefined;
  // With S3 the bucket holds the evidence; a local evidence/ left from disk days would collide with it.
  const files = await listNodeFiles(input.dataDir, s3 ? [...skip, path.join(input.dataDir, 'evidence')] : skip);
  const objects: ObjectEntry[] = [];
  if (s3) for await (const o of s3.list(EVIDENCE_PREFIX)) objects.push(o);
  input.progress?.start([...totals.values()].reduce((a, b) => a + b, 0) + files.length + objects.length);
  await writer.write({
    kind: 'header',
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    nodeId: input.nodeId,
    createdAt: (input.now?.() ?? new Date()).toISOString(),
    store,
    migrations,
  });
  const counts: Record<string, number> = {};
  for (const t of tables) {
    await writer.write({ kind: 'table', table: t.table, columns: t.columns, types: t.types });
    let count = 0;
    await openTableCursor(tx, t, 'crossline_backup');
    let fetch = 500;
    for (;;) {
      const rows = await fetchRows(tx, t, 'crossline_backup', fetch);
      if (rows.length === 0) break;
      await writer.write({ kind: 'rows', table: t.table, rows });
      count += rows.length;
      input.progress?.advance(rows.length);
      // Wide rows (attachments) get smaller fetches so one line and one fetch stay a few MB.
      const bytes = rows.reduce((a, r) => a + r.reduce((b, v) => b + (v?.length ?? 0), 0), 0);
      fetch = Math.min(2000, Math.max(1, Math.floor(LINE_BYTES / Math.max(1, bytes / rows.length))));
    }
    await closeCursor(tx, 'crossline_backup');
    counts[t.table] = count;
  }
  let fileBytes = 0;
  for (const f of files) {
    await writer.write({ kind: 'file', path: f.path, size: f.size, mode: f.mode });
    let size = 0;
    for await (const chunk of readNodeFile(input.dataDir, f.path, FILE_CHUNK)) {
      size += chunk.length;
      await writer.write({ kind: 'data', path: f.path, base64: chunk.toString('base64') });
    }
    if (size !== f.size) throw new Error(`${f.path} changed while it was read (${f.size} → ${size} bytes)`);
    fileBytes += size;
    input.progress?.advance(1);
  }
  let objectCount = 0;
  for (const o of objects) {
    const bytes = await readObject(s3!, o.key);
    input.progress?.advance(1);
    // Gone since it was listed: only an upload whose transaction failed removes an object, and its
    // row is then not in the snapshot either.
    if (!bytes) continue;
    await writer.write({ kind: 'file', path: o.key, size: bytes.length, mode: 0o600 });
    for (let at = 0; at < bytes.length; at += FILE_CHUNK) {
      await writer.write({ kind: 'data', path: o.key, base64: bytes.subarray(at, at + FILE_CHUNK).toString('base64') });
    }
    fileBytes += bytes.length;
    objectCount += 1;
  }
  return writer.finish({ tables: counts, files: files.length + objectCount, fileBytes });
}

/** An object whose checksum no longer matches is not copied silently: the backup stops and names it. */
async function readObject(store: ObjectStore, key: string): Promise<Buffer | null> {
  try {
    return await store.get(key);
  } catch (e) {
    if (!(e instanceof ObjectChecksumError)) throw e;
    throw new AppError('EVIDENCE_INTEGRITY_FAILED', {
      message: {
        en: `Object ${key} in ${store.location} does not match its stored checksum; the backup was not written.`,
        zh: `${store.location} 中的对象 ${key} 与其存储的校验值不符；未写入备份。`,
      },
      details: { key, reason: e.reason },
    });
  }
}
