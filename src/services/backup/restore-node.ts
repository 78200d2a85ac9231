// `crossline restore`: verifies the whole backup, checks the target is empty, rebuilds the schema
// with exactly the backup's migrations, loads every table in one transaction (parents first; keys
// no order satisfies are dropped and re-added, which re-checks them), resets sequences, writes the
// node's files back (evidence into the target's object store: its data dir or its S3 bucket), then
// verifies the audit chain of the restored database.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { FileHandle } from 'node:fs/promises';
import { verifyAuditChain, type AuditVerification } from '../../audit/verify-audit.js';
import { keysToDefer } from '../../domain/backup/table-order.js';
import { AppError } from '../../errors.js';
import { BackupReadError, readBackupLines } from '../../storage/backup-format.js';
import {
  addForeignKey,
  dropForeignKey,
  insertRows,
  listForeignKeys,
  listTables,
  resetSequences,
  truncateTables,
  type TableInfo,
} from '../../storage/backup-tables.js';
import type { Queryable } from '../../storage/db.js';
import { listMigrations, migrate } from '../../storage/migrate.js';
import { createNodeFile } from '../../storage/node-files.js';
import { isObjectKey, type ObjectStore } from '../../storage/object-store/object-store.js';
import { PASSWORD_FILE, clusterDir } from '../../storage/embedded/cluster-files.js';
import { serverAccount } from '../../storage/embedded/server-account.js';
import { secureDataDirMode, tightenNodeFiles } from '../../storage/data-dir-modes.js';
import type { BackupProgress } from './backup-node.js';
import { openBackupDb, type NodeStore } from './open-backup-db.js';
import {
  assertEmptyDataDir,
  assertEmptyObjectStore,
  assertEmptySchema,
  checkMasterKey,
  type MasterKeyCheck,
} from './restore-target.js';
import { verifyBackup, type VerifiedBackup } from './verify-backup.js';

export type RestoreInput = NodeStore & {
  file: string;
  progress?: BackupProgress;
  env?: NodeJS.ProcessEnv;
  /** The target node's evidence store; without one (or a disk store) evidence is written to the data dir like every other file. */
  objectStore?: ObjectStore;
};
export type RestoreSummary = {
  nodeId: string;
  createdAt: string;
  tables: number;
  rows: number;
  files: number;
  audit: AuditVerification;
  masterKey: MasterKeyCheck;
};

export async function restoreNode(input: RestoreInput): Promise<RestoreSummary> {
  assertEmptyDataDir(input.dataDir);
  const backup = await verifyBackup(input.file);
  const known = new Set(listMigrations().map((m) => m.name));
  const unknown = backup.header.migrations.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new AppError('BACKUP_UNSUPPORTED', {
      message: {
        en: `The backup has migrations this version does not know: ${unknown.join(', ')}.`,
        zh: `备份包含本版本未知的迁移：${unknown.join(', ')}。`,
      },
      details: { unknown },
    });
  }
  const s3 = input.objectStore?.kind === 's3' ? input.objectStore : undefined;
  // Like the data dir, the bucket prefix must be empty: a failed restore removes what it wrote, and
  // must never remove another node's evidence.
  if (s3) await assertEmptyObjectStore(s3);
  const db = await openBackupDb(input);
  const written: Written = { files: [], objects: [] };
  let failed = false;
  try {
    if (input.databaseUrl) await assertEmptySchema(db, `schema ${input.schema ?? 'public'}`);
    await migrate(db, new Set(backup.header.migrations));
    const target = new Map((await listTables(db)).map((t) => [t.table, t]));
    for (const t of backup.tables) {
      const have = target.get(t.table);
      const missing = have ? t.columns.filter((c) => !have.columns.includes(c)) : ['(table)'];
      if (missing.length) throw new AppError('BACKUP_UNSUPPORTED', { details: { table: t.table, missing } });
    }
    await db.transaction((tx) => loadBackup(tx, input, backup, target, written));
    // Whatever the store and the modes recorded: the data dir 0700 (0711 when the embedded server runs
    // as another account), directories below 0700, files 0600 — the operator's keys/ included.
    await secureDataDirMode(input.dataDir, !input.databaseUrl && serverAccount() !== null);
    await tightenNodeFiles(input.dataDir);
    const audit = await verifyAuditChain(db);
    const rows = backup.tables.reduce((a, t) => a + t.rows, 0);
    return {
      nodeId: backup.header.nodeId,
      createdAt: backup.header.createdAt,
      tables: backup.tables.length,
      rows,
      files: backup.files.length,
      audit,
      masterKey: await checkMasterKey(db, input.dataDir, input.env),
    };
  } catch (e) {
    failed = true;
    // The rows rolled back with the transaction; files and objects written meanwhile go too.
    await Promise.all(written.files.map((f) => rm(f, { force: true })));
    if (s3) await Promise.all(written.objects.map((k) => s3.remove(k).catch(() => undefined)));
    throw e;
  } finally {
    await db.close();
    // The embedded server was created here (the data dir was empty): leave the target as it was.
    if (failed && !input.databaseUrl) {
      await rm(clusterDir(input.dataDir), { recursive: true, force: true });
      await rm(path.join(input.dataDir, PASSWORD_FILE), { force: true });
    }
  }
}

/** What a restore has written so far, to be removed again if it fails. */
type Written = { files: string[]; objects: string[] };

async function loadBackup(
  tx: Queryable,
  input: RestoreInput,
  backup: VerifiedBackup,
  target: Map<string, TableInfo>,
  written: Written,
): Promise<void> {
  // The migrations seeded a few rows (audit head, default collection); the backup's rows replace them.
  await truncateTables(tx, [...target.keys()]);
  const deferred = keysToDefer(
    backup.tables.map((t) => t.table),
    await listForeignKeys(tx),
  );
  for (const fk of deferred) await dropForeignKey(tx, fk);
  input.progress?.start(backup.tables.reduce((a, t) => a + t.rows, 0) + backup.files.length);
  let columns: string[] = [];
  let types: string[] = [];
  const s3 = input.objectStore?.kind === 's3' ? input.objectStore : undefined;
  let file: FileHandle | undefined;
  // An evidence entry bound for S3 is gathered whole (items are at most maxEvidenceBytes) and put at its end.
  let object: { key: string; chunks: Buffer[] } | undefined;
  const finishObject = async () => {
    if (!object) return;
    const { key, chunks } = object;
    object = undefined;
    written.objects.push(key);
    await s3!.put(key, Buffer.concat(chunks));
  };
  try {
    for await (const line of readBackupLines(input.file)) {
      if (line.kind === 'table') {
        const t = target.get(line.table)!;
        columns = line.columns;
        // Types come from this database's catalogue, never from the file.
        types = columns.map((c) => t.types[t.columns.indexOf(c)]!);
      } else if (line.kind === 'rows') {
        await insertRows(tx, line.table, columns, types, line.rows);
        input.progress?.advance(line.rows.length);
      } else if (line.kind === 'file') {
        await file?.sync();
        await file?.close();
        file = undefined;
        await finishObject();
        if (s3 && isObjectKey(line.path)) {
          object = { key: line.path, chunks: [] };
        } else {
          written.files.push(path.join(input.dataDir, ...line.path.split('/')));
          file = await createNodeFile(input.dataDir, line.path, line.mode);
        }
        input.progress?.advance(1);
      } else if (line.kind === 'data') {
        const bytes = Buffer.from(line.base64, 'base64');
        if (object) object.chunks.push(bytes);
        else await file!.write(bytes);
      }
    }
    await file?.sync();
    await finishObject();
  } catch (e) {
    // The file was verified before; if it changed since, the trailer hash fails here and all rolls back.
    if (e instanceof BackupReadError) throw new AppError('BACKUP_CORRUPT', { details: { detail: e.message } });
    throw e;
  } finally {
    await file?.close();
  }
  for (const fk of deferred) await addForeignKey(tx, fk);
  await resetSequences(tx);
}
