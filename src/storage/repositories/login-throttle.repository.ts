// SQL for the sign-in backoff per client address and user name (login_backoff). The per-address
// failure bucket lives in rate_limit_buckets (rate-limit.repository.ts) under scope `login_address`.
import type { BackoffState } from '../../domain/user/login-throttle.js';
import type { Queryable } from '../db.js';

/** Locks the (client, username) row for this transaction and returns its state, if any. */
export async function lockLoginBackoff(
  tx: Queryable,
  client: string,
  username: string,
): Promise<BackoffState | undefined> {
  // Insert-then-lock, so two first attempts of one pair also queue on one row.
  await tx.query(
    `INSERT INTO login_backoff (client, username, failures, last_failure_at) VALUES ($1, $2, 0, 'epoch')
     ON CONFLICT (client, username) DO NOTHING`,
    [client, username],
  );
  const [row] = await tx.query<{ failures: number; last_failure_at: Date }>(
    'SELECT failures, last_failure_at FROM login_backoff WHERE client = $1 AND username = $2 FOR UPDATE',
    [client, username],
  );
  if (!row || row.failures === 0) return undefined;
  return { failures: row.failures, lastFailureAt: new Date(row.last_failure_at).getTime() };
}

export async function saveLoginBackoff(
  tx: Queryable,
  client: string,
  username: string,
  state: BackoffState,
): Promise<void> {
  await tx.query('UPDATE login_backoff SET failures = $3, last_failure_at = $4 WHERE client = $1 AND username = $2', [
    client,
    username,
    state.failures,
    new Date(state.lastFailureAt).toISOString(),
  ]);
}

export async function deleteLoginBackoff(tx: Queryable, client: string, username: string): Promise<void> {
  await tx.query('DELETE FROM login_backoff WHERE client = $1 AND username = $2', [client, username]);
}

/** Removes pairs whose last failure is older than `before` (forgotten by the rule anyway). */
export async function deleteStaleLoginBackoff(db: Queryable, before: Date): Promise<number> {
  return (await db.query('DELETE FROM login_backoff WHERE last_failure_at < $1 RETURNING 1', [before.toISOString()]))
    .length;
}
