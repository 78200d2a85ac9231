// `crossline backup` and `crossline restore`: thin wrappers over services/backup. Exit 0 when all
// is well, 1 when a backup fails verification or the restored audit chain does not verify, 2 for
// usage and input errors (printed by src/cli/index.ts). The master key is never in a backup.
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { isAppError } from '../../errors.js';
import { backupNode, type BackupProgress } from '../../services/backup/backup-node.js';
import { restoreNode } from '../../services/backup/restore-node.js';
import { backupObjectStore } from '../../services/backup/backup-object-store.js';
import { configFrom, withNodeOptions, type NodeOptions } from '../options.js';

const MASTER_KEY_NOTE = {
  en: 'The master key is NOT in the backup (it holds only ciphertext of secrets and evidence): keep keys/master.key or CROSSLINE_MASTER_KEY safe, separately; a restore needs it.',
  zh: '备份中不含主密钥（备份只含机密与证据的密文）：请另行妥善保管 keys/master.key 或 CROSSLINE_MASTER_KEY，恢复时需要它。',
};

function progressBar(label: string): { progress?: BackupProgress; stop(): void } {
  if (!process.stderr.isTTY) return { stop: () => undefined };
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} rows and files`, stream: process.stderr },
    Presets.shades_classic,
  );
  return {
    progress: { start: (total) => bar.start(Math.max(1, total), 0), advance: (n) => bar.increment(n) },
    stop: () => bar.stop(),
  };
}

/** A damaged or altered backup is a verification failure (1), not a usage error. */
async function exitOneOnCorrupt(setExit: (code: number) => void, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (!isAppError(e) || e.code !== 'BACKUP_CORRUPT') throw e;
    const detail = typeof e.details?.detail === 'string' ? ` (${e.details.detail})` : '';
    process.stderr.write(`error ${e.code}: ${e.bilingual.en}${detail} / ${e.bilingual.zh}\n`);
    setExit(1);
  }
}

export function registerBackupRestore(program: Command, setExit: (code: number) => void): void {
  withNodeOptions(
    program
      .command('backup')
      .description('write a consistent, self-verifying backup of this node (without the master key)'),
  )
    .requiredOption('--out <file>', 'backup file to write (gzip JSON lines)')
    .action(async (opts: NodeOptions & { out: string }) => {
      const config = configFrom(opts, { logLevel: 'warn' });
      const bar = progressBar('backup');
      try {
        const s = await backupNode({
          dataDir: config.dataDir,
          databaseUrl: config.databaseUrl,
          schema: config.databaseSchema,
          nodeId: config.nodeId,
          objectStore: backupObjectStore(config),
          out: opts.out,
          ...(bar.progress ? { progress: bar.progress } : {}),
        });
        bar.stop();
        process.stdout.write(`backup written / 备份已写入: ${s.file}\n`);
        process.stdout.write(
          `  ${s.tables} tables, ${s.rows} rows, ${s.files} files (${s.fileBytes} bytes), sha256 ${s.sha256}\n`,
        );
        process.stdout.write(`  ${MASTER_KEY_NOTE.en}\n  ${MASTER_KEY_NOTE.zh}\n`);
        setExit(0);
      } finally {
        bar.stop();
      }
    });

  withNodeOptions(
    program
      .command('restore')
      .argument('<file>', 'backup file written by `crossline backup`')
      .description('restore a node from a backup into an empty data dir (and empty PostgreSQL schema)'),
  ).action(async (file: string, opts: NodeOptions) =>
    exitOneOnCorrupt(setExit, async () => {
      const config = configFrom(opts, { logLevel: 'warn' });
      const bar = progressBar('restore');
      const objectStore = backupObjectStore(config);
      try {
        const s = await restoreNode({
          file,
          dataDir: config.dataDir,
          databaseUrl: config.databaseUrl,
          schema: config.databaseSchema,
          objectStore,
          ...(bar.progress ? { progress: bar.progress } : {}),
        });
        bar.stop();
        process.stdout.write(
          `restored node ${s.nodeId} (backup of ${s.createdAt}) into ${config.dataDir} / 已恢复节点 ${s.nodeId}\n`,
        );
        process.stdout.write(
          `  ${s.tables} tables, ${s.rows} rows, ${s.files} files; evidence in / 证据位于 ${objectStore.location}\n`,
        );
        if (s.audit.ok)
          process.stdout.write(
            `audit log intact / 审计日志完整: ${s.audit.entries} entries, head ${s.audit.headHash}\n`,
          );
        else
          process.stdout.write(
            `audit log BROKEN at entry ${s.audit.firstBadSeq} (${s.audit.reason}) / 审计日志在第 ${s.audit.firstBadSeq} 条损坏: ${s.audit.detail}\n`,
          );
        const keyLine = {
          opens: 'master key: opens the restored key ring / 主密钥可打开恢复的密钥环',
          wrong:
            "master key: does NOT open the restored key ring — supply the node's original key / 主密钥无法打开恢复的密钥环，请提供该节点原来的主密钥",
          absent: `master key: not supplied — put it in ${config.dataDir}/keys/master.key or set CROSSLINE_MASTER_KEY before starting the node / 未提供主密钥：启动节点前请放入 keys/master.key 或设置 CROSSLINE_MASTER_KEY`,
        }[s.masterKey];
        process.stdout.write(`${keyLine}\n`);
        setExit(s.audit.ok && s.masterKey !== 'wrong' ? 0 : 1);
      } finally {
        bar.stop();
      }
    }),
  );
}
