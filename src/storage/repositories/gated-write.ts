// A write that rides along in another statement as a data-modifying CTE, so a record and the rows
// that belong with it (its history row, its search row) reach the database in one round trip. The
// host statement names one of its CTEs as the gate: the rider writes only when the gate yields a
// row (the record was written, the audit head moved), so a refused write leaves nothing behind.
export type GatedWrite = (gate: string, firstParam: number) => { sql: string; params: unknown[] };

/** The host's `WITH` list with the rider added after `gate` (named `rider`), and its parameters appended. */
export function withRider(
  gateCte: string,
  gate: string,
  params: readonly unknown[],
  rider: GatedWrite | undefined,
): { ctes: string; params: unknown[] } {
  if (!rider) return { ctes: `WITH ${gate} AS (${gateCte})`, params: [...params] };
  const r = rider(gate, params.length + 1);
  return { ctes: `WITH ${gate} AS (${gateCte}),\n     rider AS (${r.sql})`, params: [...params, ...r.params] };
}
