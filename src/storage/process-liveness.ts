// Which node processes are alive, as the database sees it. Each process that claims work for a
// while (a batch in flight to a peer, a TAXII feed being pulled) holds a session advisory lock
// (LIVENESS_CLASS, owner) on a connection of its own for as long as it runs. PostgreSQL drops the
// lock the moment that session ends — the process exited, was killed with -9, or lost its host —
// so another process can take the work over at once instead of waiting for a lease to time out.
import { randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db, DbSession } from './db.js';

/** First key of the two-key advisory locks that mark live processes. */
export const LIVENESS_CLASS = 7400200;

/** Owners whose process is alive (a subquery: `lease_owner IN (${LIVE_OWNERS_SQL})`). */
export const LIVE_OWNERS_SQL = `SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND classid = ${LIVENESS_CLASS}
  AND objsubid = 2 AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

export type ProcessLiveness = {
  /** This process's owner key, stamped on what it claims. */
  owner: number;
  stop(): Promise<void>;
};

const RETRY_MS = 1000;

export async function holdProcessLiveness(db: Db, logger: Logger): Promise<ProcessLiveness> {
  const owner = randomInt(1, 2 ** 31 - 1);
  let session: DbSession | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  const take = async (): Promise<void> => {
    const s = await db.session();
    try {
      await s.query('SELECT pg_advisory_lock($1, $2)', [LIVENESS_CLASS, owner]);
    } catch (e) {
      await s.close();
      throw e;
    }
    if (stopped) {
      await s.close();
      return;
    }
    session = s;
    // The database restarted or the connection broke: other processes now see this one as gone
    // (its claims may be taken over, which is safe); take the lock again to claim new work.
    s.onLost((err) => {
      if (stopped) return;
      logger.warn({ err }, 'lost the process liveness lock; taking it again');
      session = null;
      schedule();
    });
  };
  const schedule = () => {
    retry = setTimeout(() => {
      retry = null;
      if (!stopped) take().catch(() => schedule());
    }, RETRY_MS);
    retry.unref();
  };

  await take();
  return {
    owner,
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await (session as DbSession | null)?.close();
    },
  };
}
