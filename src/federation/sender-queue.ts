// Batches from one sender are committed one after another in arrival order within a process, so the
// common case applies straight through instead of holding a batch that overtook its predecessor.
const chains = new WeakMap<object, Map<string, Promise<unknown>>>();

export function serialisePerSender<T>(store: object, from: string, work: () => Promise<T>): Promise<T> {
  let byFrom = chains.get(store);
  if (!byFrom) chains.set(store, (byFrom = new Map()));
  const previous = byFrom.get(from) ?? Promise.resolve();
  const run = previous.then(work, work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  byFrom.set(from, settled);
  void settled.then(() => {
    if (byFrom.get(from) === settled) byFrom.delete(from);
  });
  return run;
}
