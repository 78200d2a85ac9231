// Use case: import a STIX 2.1 bundle from a stream (CLI file, HTTP body) into a collection. The
// bundle is read object by object; each is validated, valid ones are stored in batches (one
// transaction, one statement and one audit entry per batch, correlation in the same transaction),
// and every invalid one is reported with its index, id, type and reasons. Memory stays flat
// whatever the bundle size.
import type { Actor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import { BundleFormatError, readBundleObjects } from '../../intel/stix/bundle-stream.js';
import type { StixObject } from '../../intel/stix/types.js';
import { validateStixObject, type StixIssue } from '../../intel/stix/validate.js';
import {
  getCollectionByIdOrAlias,
  type IntelCollectionRow,
} from '../../storage/repositories/intel-object.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { stixObservables, storeStixObjects } from './store-stix.js';

export type InvalidStixObject = { index: number; id?: string; type?: string; issues: StixIssue[] };

export type ImportStixOptions = {
  actor: Actor;
  /** Collection id or alias; the node's own collection ('local') by default. */
  collection?: string;
  /** Recorded on each stored row: 'import' (CLI, web) or e.g. 'taxii:<feed>'. */
  source?: string;
  /** Index SCO values and equality patterns for correlation (default true). */
  correlate?: boolean;
  /** Objects per insert statement and transaction. */
  batchSize?: number;
  /** Invalid objects kept in the result (all are passed to onInvalid). */
  keepInvalid?: number;
  onInvalid?: (invalid: InvalidStixObject) => void;
  onBytes?: (bytesRead: number) => void;
  onBatch?: (progress: { objects: number; imported: number }) => void;
};

export type ImportStixResult = {
  collectionId: string;
  /** Elements of the bundle's objects array. */
  total: number;
  imported: number;
  duplicates: number;
  invalidCount: number;
  invalid: InvalidStixObject[];
};

export async function importStix(
  ctx: ServiceContext,
  input: AsyncIterable<Uint8Array | string>,
  options: ImportStixOptions,
): Promise<ImportStixResult> {
  const collection = await getCollectionByIdOrAlias(ctx.db, options.collection ?? 'local');
  if (!collection)
    throw new AppError('INTEL_STIX_COLLECTION_NOT_FOUND', { details: { collection: options.collection } });
  const batchSize = options.batchSize ?? 2000;
  const keepInvalid = options.keepInvalid ?? 1000;
  const result: ImportStixResult = {
    collectionId: collection.id,
    total: 0,
    imported: 0,
    duplicates: 0,
    invalidCount: 0,
    invalid: [],
  };
  const reject = (invalid: InvalidStixObject): void => {
    result.invalidCount++;
    if (result.invalid.length < keepInvalid) result.invalid.push(invalid);
    options.onInvalid?.(invalid);
  };
  let batch: StixObject[] = [];
  // Two batches are in the database at once: while batch N indexes its observables, batch N+1
  // inserts its objects on another connection, and batch N+2 is read and validated here. Inserts
  // run in bundle order (N+1 inserts only after N's insert returned) and commits do too (N+1 writes
  // its audit entry and commits only after N committed), so TAXII's (added_at, seq) paging order is
  // the bundle's and a reader never sees a later batch without the earlier one.
  let previous: StoreStages = { inserted: Promise.resolve(), committed: Promise.resolve() };
  let older: Promise<void> = Promise.resolve();
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const objects = batch;
    batch = [];
    await older; // at most two batches in flight: memory stays flat
    const objectsRead = result.total;
    const stages = storeBatch(ctx, collection, objects, options, previous, result);
    older = previous.committed;
    previous = stages;
    stages.committed = stages.committed.then(() => {
      options.onBatch?.({ objects: objectsRead, imported: result.imported });
    });
    stages.committed.catch(() => undefined); // a failure surfaces at the next await of the chain
  };
  const settle = async (): Promise<void> => {
    await older;
    await previous.committed;
  };
  try {
    for await (const element of readBundleObjects(input, options.onBytes ? { onBytes: options.onBytes } : {})) {
      result.total++;
      if ('error' in element) {
        reject({
          index: element.index,
          issues: [
            {
              path: '',
              code: 'json',
              message: {
                en: `Not valid JSON (byte ${element.offset}): ${element.error}`,
                zh: `不是有效的 JSON（第 ${element.offset} 字节）：${element.error}`,
              },
            },
          ],
        });
        continue;
      }
      const checked = validateStixObject(element.value);
      if (!checked.ok) {
        reject({
          index: element.index,
          ...(checked.id ? { id: checked.id } : {}),
          ...(checked.type ? { type: checked.type } : {}),
          issues: checked.issues,
        });
        continue;
      }
      batch.push(checked.object);
      if (batch.length >= batchSize) await flush();
    }
  } catch (err) {
    await settle();
    if (err instanceof BundleFormatError) {
      // Batches already stored stay stored (each was complete and valid); say how far the import got.
      throw new AppError('INTEL_STIX_MALFORMED', {
        message: { en: `The bundle is malformed: ${err.message}.`, zh: `数据包格式错误：${err.message}。` },
        details: { offset: err.offset, imported: result.imported, objectsRead: result.total },
      });
    }
    throw err;
  }
  await flush();
  await settle();
  return result;
}

/** A batch's progress through its transaction: objects inserted, then transaction committed. */
type StoreStages = { inserted: Promise<void>; committed: Promise<void> };

/**
 * Stores one batch in one transaction: objects, then observables for correlation, then the audit
 * entry. Waits for the previous batch's insert before its own, and for the previous batch's commit
 * before its audit entry (the audit chain and readers see batches in order). A failure before the
 * insert rejects `inserted` too, so the next batch never waits on a batch that will not come.
 */
function storeBatch(
  ctx: ServiceContext,
  collection: IntelCollectionRow,
  batch: StixObject[],
  options: ImportStixOptions,
  previous: StoreStages,
  result: ImportStixResult,
): StoreStages {
  let markInserted!: (error?: unknown) => void;
  const inserted = new Promise<void>((resolve, reject) => {
    markInserted = (error) => (error === undefined ? resolve() : reject(error));
  });
  inserted.catch(() => undefined);
  const committed = (async () => {
    const now = ctx.clock();
    const observables = options.correlate === false ? [] : stixObservables(batch);
    try {
      const stored = await ctx.db.transaction(async (tx) => {
        await previous.inserted;
        const counts = await storeStixObjects(tx, ctx, collection, batch, now, {
          source: options.source ?? 'import',
          observables,
          onInserted: () => markInserted(),
        });
        await previous.committed;
        await recordChange(
          tx,
          {
            actor: options.actor,
            subjectType: 'intel_collection',
            subjectId: collection.id,
            events: [
              {
                type: 'stix_imported',
                at: now.toISOString(),
                data: { received: batch.length, inserted: counts.inserted, duplicates: counts.duplicates },
              },
            ],
          },
          now,
        );
        return counts;
      });
      result.imported += stored.inserted;
      result.duplicates += stored.duplicates;
    } catch (err) {
      markInserted(err);
      throw err;
    }
  })();
  return { inserted, committed };
}
