// Storing STIX objects in a collection, whichever way they come — bundle import, TAXII push from a
// peer, TAXII pull from a feed: the new versions are inserted and the values they name indexed for
// correlation (docs/spec.md §4.5), with the collection as the source, so a value also held by a case,
// request or report raises an alert. One function, so no way in can forget the correlation.
import { tryNormalizeObservable } from '../../domain/case/normalize-observable.js';
import type { ObservableType } from '../../domain/case/observable-types.js';
import { observablesOf } from '../../intel/stix/observables.js';
import type { StixObject } from '../../intel/stix/types.js';
import type { Queryable } from '../../storage/db.js';
import { insertStixObjects } from '../../storage/repositories/intel-object.repository.js';
import type { ServiceContext } from '../context.js';
import { recordObservables } from './record-observables.js';

export type StixObservable = { type: ObservableType; value: string };

/**
 * Canonical case-vocabulary values named by the objects: SCO values and the positive equality
 * terms of indicator patterns. Values the normalizer refuses (CIDR ranges, …) are skipped.
 */
export function stixObservables(objects: readonly StixObject[]): StixObservable[] {
  const out: StixObservable[] = [];
  for (const o of objects) {
    for (const raw of observablesOf(o)) {
      const n = tryNormalizeObservable(raw.type, raw.value);
      if (n.ok) out.push({ type: n.observable.type, value: n.observable.value });
    }
  }
  return out;
}

export type StoreStixOptions = {
  /** Recorded on each row: 'import', 'taxii:<feed>', 'peer:<party>' … */
  source: string;
  /**
   * The values to correlate, when the caller computed them beforehand (outside its transaction);
   * `[]` stores without correlating (a bulk load that asked for none). By default, those the objects name.
   */
  observables?: readonly StixObservable[];
  /** Called once the objects are inserted, before correlation (the import's pipeline waits on it). */
  onInserted?: () => void;
};

/** Inserts the objects inside the caller's transaction and, when any version was new, correlates their values. */
export async function storeStixObjects(
  tx: Queryable,
  ctx: ServiceContext,
  collection: { id: string; title: string },
  objects: StixObject[],
  now: Date,
  options: StoreStixOptions,
): Promise<{ inserted: number; duplicates: number }> {
  const stored = await insertStixObjects(tx, collection.id, objects, options.source, now);
  options.onInserted?.();
  const observables = options.observables ?? stixObservables(objects);
  if (stored.inserted > 0 && observables.length > 0) {
    await recordObservables(
      tx,
      ctx,
      { kind: 'intel', id: collection.id, label: collection.title },
      [...observables],
      now,
    );
  }
  return stored;
}
