// "Last contact" timestamps are health information, not ledger data: writing them once per second
// per peer (instead of once per batch) saves a row update on every batch at high rates.
const last = new WeakMap<object, Map<string, number>>();
const INTERVAL_MS = 1000;

/** True when the caller should write now (and records that it did). */
export function contactWriteDue(store: object, key: string, nowMs: number): boolean {
  let byKey = last.get(store);
  if (!byKey) last.set(store, (byKey = new Map()));
  const prev = byKey.get(key);
  if (prev !== undefined && nowMs - prev < INTERVAL_MS) return false;
  byKey.set(key, nowMs);
  return true;
}

/** Forces the next write (e.g. after a failure, so a success clears the failure state at once). */
export function forgetContactWrite(store: object, key: string): void {
  last.get(store)?.delete(key);
}
