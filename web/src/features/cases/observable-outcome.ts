// The summary of a paste of observables, in counts that add up to the values read.
import type { ObservableOutcome } from '../../api/case-types';

/**
 * What became of each value sent, so the counts add up to the values read: new, already in the
 * case (merged into it), repeated within this paste, or rejected. `merged` lists the existing
 * observables that changed, not values, so it is not counted again.
 */
export function outcomeCounts(o: Pick<ObservableOutcome, 'added' | 'duplicates' | 'rejected'>) {
  const addedIds = new Set(o.added.map((a) => a.id));
  const repeated = o.duplicates.filter((d) => addedIds.has(d.keptId)).length;
  const known = o.duplicates.length - repeated;
  return {
    total: o.added.length + o.duplicates.length + o.rejected.length,
    added: o.added.length,
    known,
    repeated,
    rejected: o.rejected.length,
  };
}
