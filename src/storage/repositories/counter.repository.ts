// Gap-free per-kind counters for human-readable references, taken inside the caller's transaction.
import type { Queryable } from '../db.js';

export async function nextCounter(tx: Queryable, name: string): Promise<number> {
  const rows = await tx.query<{ value: number }>(
    `INSERT INTO counters (name, value) VALUES ($1, 1)
     ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value`,
    [name],
  );
  return rows[0]!.value;
}

/** e.g. `CN-REQ-2026-0042`: the node prefix keeps references unique across the federation. */
export async function nextReference(tx: Queryable, nodeId: string, kind: string, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const n = await nextCounter(tx, `${kind}:${year}`);
  return `${nodeId.toUpperCase()}-${kind}-${year}-${String(n).padStart(4, '0')}`;
}
