// Correlation of STIX objects (SPEC §4.5): every way objects enter a collection — bundle import,
// TAXII push from a peer, TAXII pull from a feed — indexes the values they name, with the collection
// as the source, so a value also held by a case, request or report raises an alert.
import { tryNormalizeObservable } from '../../domain/case/normalize-observable.js';
import type { ObservableType } from '../../domain/case/observable-types.js';
import { observablesOf } from '../../intel/stix/observables.js';
import type { StixObject } from '../../intel/stix/types.js';
import type { Queryable } from '../../storage/db.js';
import type { ServiceContext } from '../context.js';
import { recordObservables, type CorrelationHit } from './record-observables.js';

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

/** Indexes the values inside the caller's transaction, the collection being the source. */
export async function correlateStix(
  tx: Queryable, ctx: ServiceContext, collection: { id: string; title: string }, observables: readonly StixObservable[], now: Date,
): Promise<CorrelationHit[]> {
  if (observables.length === 0) return [];
  return recordObservables(tx, ctx, { kind: 'intel', id: collection.id, label: collection.title }, [...observables], now);
}
