// Opens the database of a node for backup or restore, turning PGlite's one-process guard into a
// clear, bilingual refusal: the embedded database can only be read with the node stopped.
import { AppError } from '../../errors.js';
import { openDb, type Db } from '../../storage/db.js';

export type NodeStore = { dataDir: string; databaseUrl?: string; schema?: string };

export async function openBackupDb(store: NodeStore): Promise<Db> {
  try {
    return await openDb({ dataDir: store.dataDir, databaseUrl: store.databaseUrl, schema: store.schema });
  } catch (e) {
    if (!store.databaseUrl && e instanceof Error && /in use by process/.test(e.message)) {
      throw new AppError('BACKUP_NODE_RUNNING', { details: { dataDir: store.dataDir, reason: e.message }, cause: e });
    }
    throw e;
  }
}
