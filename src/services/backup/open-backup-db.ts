// Opens the database of a node for backup or restore: its embedded server (started if no node runs,
// shared with a running node otherwise) or the external PostgreSQL it names.
import { openDb, type Db } from '../../storage/db.js';

export type NodeStore = { dataDir: string; databaseUrl?: string; schema?: string };

export function openBackupDb(store: NodeStore): Promise<Db> {
  return openDb({ dataDir: store.dataDir, databaseUrl: store.databaseUrl, schema: store.schema });
}
