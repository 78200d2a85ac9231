// SQL for the rate-limit token buckets (rate_limit_buckets): one row per scope and client.
import type { BucketState } from '../../domain/public-report/index.js';
import type { Queryable } from '../db.js';

/** Locks the client's bucket for this transaction (creating it full first), and returns its state. */
export async function lockBucket(
  tx: Queryable,
  scope: string,
  client: string,
  full: BucketState,
): Promise<BucketState> {
  await tx.query(
    `INSERT INTO rate_limit_buckets (scope, client, tokens, at) VALUES ($1, $2, $3, $4) ON CONFLICT (scope, client) DO NOTHING`,
    [scope, client, full.tokens, new Date(full.at).toISOString()],
  );
  const [row] = await tx.query<{ tokens: number; at: Date }>(
    'SELECT tokens, at FROM rate_limit_buckets WHERE scope = $1 AND client = $2 FOR UPDATE',
    [scope, client],
  );
  return { tokens: row!.tokens, at: new Date(row!.at).getTime() };
}

export async function saveBucket(tx: Queryable, scope: string, client: string, state: BucketState): Promise<void> {
  await tx.query('UPDATE rate_limit_buckets SET tokens = $3, at = $4 WHERE scope = $1 AND client = $2', [
    scope,
    client,
    state.tokens,
    new Date(state.at).toISOString(),
  ]);
}

/** Removes buckets untouched since `before` (they are full again, so forgetting them changes nothing). */
export async function deleteIdleBuckets(db: Queryable, before: Date): Promise<number> {
  return (await db.query('DELETE FROM rate_limit_buckets WHERE at < $1 RETURNING 1', [before.toISOString()])).length;
}
