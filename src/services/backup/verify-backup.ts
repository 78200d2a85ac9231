// Reads a whole backup file before anything is restored: header, line order and shape, row and
// byte counts against the trailer, and the trailer's SHA-256. Returns what the restore needs to plan.
import { AppError } from '../../errors.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupReadError,
  readBackupLines,
  type BackupHeader,
  type BackupTrailer,
} from '../../storage/backup-format.js';
import { isNodeFilePath } from '../../storage/node-files.js';

export type VerifiedBackup = {
  header: BackupHeader;
  trailer: BackupTrailer;
  tables: { table: string; columns: string[]; rows: number }[];
  files: { path: string; size: number }[];
};

const corrupt = (detail: string) => new AppError('BACKUP_CORRUPT', { details: { detail } });
const unsupported = (detail: string) => new AppError('BACKUP_UNSUPPORTED', { details: { detail } });

export async function verifyBackup(file: string): Promise<VerifiedBackup> {
  let header: BackupHeader | undefined;
  let trailer: BackupTrailer | undefined;
  const tables: VerifiedBackup['tables'] = [];
  const files: (VerifiedBackup['files'][number] & { seen: number })[] = [];
  try {
    for await (const line of readBackupLines(file)) {
      if (!header) {
        if (line.kind !== 'header' || line.format !== BACKUP_FORMAT)
          throw unsupported('the file does not start with a Crossline backup header');
        if (line.formatVersion !== BACKUP_FORMAT_VERSION)
          throw unsupported(`format version ${line.formatVersion} (this version reads ${BACKUP_FORMAT_VERSION})`);
        if (!Array.isArray(line.migrations)) throw corrupt('header without migrations');
        header = line;
        continue;
      }
      const table = tables.at(-1);
      const current = files.at(-1);
      switch (line.kind) {
        case 'table':
          if (files.length) throw corrupt(`table ${line.table} after the files`);
          if (!Array.isArray(line.columns) || tables.some((t) => t.table === line.table))
            throw corrupt(`bad table line ${line.table}`);
          tables.push({ table: line.table, columns: line.columns, rows: 0 });
          break;
        case 'rows':
          if (!table || table.table !== line.table || files.length) throw corrupt(`rows of ${line.table} out of place`);
          if (
            !Array.isArray(line.rows) ||
            line.rows.some((r) => !Array.isArray(r) || r.length !== table.columns.length)
          )
            throw corrupt(`malformed rows in ${line.table}`);
          table.rows += line.rows.length;
          break;
        case 'file':
          if (!isNodeFilePath(line.path) || files.some((f) => f.path === line.path))
            throw corrupt(`bad file path ${line.path}`);
          files.push({ path: line.path, size: line.size, seen: 0 });
          break;
        case 'data':
          if (!current || current.path !== line.path || typeof line.base64 !== 'string')
            throw corrupt(`data of ${line.path} out of place`);
          current.seen += Buffer.byteLength(line.base64, 'base64');
          break;
        case 'trailer':
          trailer = line;
          break;
        default:
          throw corrupt(`unknown line kind ${(line as { kind: string }).kind}`);
      }
    }
  } catch (e) {
    if (e instanceof BackupReadError) throw corrupt(e.message);
    throw e;
  }
  if (!header || !trailer) throw corrupt('no header or trailer');
  for (const t of tables) {
    if (trailer.tables[t.table] !== t.rows)
      throw corrupt(`table ${t.table} has ${t.rows} rows, the trailer says ${trailer.tables[t.table]}`);
  }
  if (Object.keys(trailer.tables).length !== tables.length)
    throw corrupt('the trailer counts tables that are not in the file');
  const bytes = files.reduce((a, f) => a + f.seen, 0);
  if (files.length !== trailer.files || bytes !== trailer.fileBytes || files.some((f) => f.seen !== f.size)) {
    throw corrupt('file sizes do not match their headers and the trailer');
  }
  return { header, trailer, tables, files: files.map(({ path, size }) => ({ path, size })) };
}
