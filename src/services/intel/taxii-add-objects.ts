// TAXII POST of an envelope to a collection: every object through the STIX validator; the valid
// ones stored in one transaction (a version already held also counts as a success, as it is in the
// collection) with the values they name indexed for correlation, each invalid one a failure with
// its reason; the result kept as a status resource.
import { AppError } from '../../errors.js';
import type { StixObject } from '../../intel/stix/types.js';
import { validateStixObject } from '../../intel/stix/validate.js';
import { newId } from '../../shared/ids.js';
import {
  findStatus,
  insertStatus,
  type StatusDetail,
  type StatusRow,
} from '../../storage/repositories/taxii.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { storeStixObjects } from './store-stix.js';
import type { ViewedCollection } from './taxii-collection-access.js';
import type { TaxiiCaller } from './taxii-viewer.js';

const versionOf = (o: Record<string, unknown>) =>
  typeof o.modified === 'string' ? o.modified : typeof o.created === 'string' ? o.created : '';

export async function addTaxiiObjects(
  ctx: ServiceContext,
  caller: TaxiiCaller,
  collection: ViewedCollection,
  body: unknown,
): Promise<StatusRow> {
  const objects = (body as { objects?: unknown } | null)?.objects;
  if (!body || typeof body !== 'object' || Array.isArray(body) || (objects !== undefined && !Array.isArray(objects))) {
    throw new AppError('INTEL_TAXII_BAD_ENVELOPE');
  }
  const list: unknown[] = objects ?? [];
  const now = ctx.clock();
  const valid: StixObject[] = [];
  const successes: StatusDetail[] = [];
  const failures: StatusDetail[] = [];
  for (const obj of list) {
    const checked = validateStixObject(obj);
    if (checked.ok) {
      valid.push(checked.object);
      successes.push({ id: checked.object.id, version: versionOf(checked.object) });
    } else {
      const raw = (obj && typeof obj === 'object' ? obj : {}) as Record<string, unknown>;
      failures.push({
        id: checked.id ?? '',
        version: versionOf(raw),
        message: checked.issues
          .map((i) => `${i.path || '(object)'}: ${i.message.en}`)
          .join('; ')
          .slice(0, 2000),
      });
    }
  }
  const status: StatusRow = {
    id: newId(),
    collectionId: collection.id,
    userId: caller.viewer.userId,
    status: 'complete',
    requestTimestamp: now.toISOString(),
    totalCount: list.length,
    successes,
    failures,
    pendings: [],
  };
  const source = caller.viewer.kind === 'party' ? `peer:${caller.viewer.party}` : 'taxii:push';
  await ctx.db.transaction(async (tx) => {
    const stored = await storeStixObjects(tx, ctx, collection, valid, now, { source });
    await insertStatus(tx, status);
    await recordChange(
      tx,
      {
        actor: caller.actor,
        subjectType: 'intel_collection',
        subjectId: collection.id,
        events: [
          {
            type: 'taxii_objects_added',
            at: now.toISOString(),
            data: {
              statusId: status.id,
              total: list.length,
              inserted: stored.inserted,
              duplicates: stored.duplicates,
              failures: failures.length,
            },
          },
        ],
      },
      now,
    );
  });
  // Read back so the answer carries the stored (microsecond) request_timestamp, as GET status will.
  return (await findStatus(ctx.db, status.id)) ?? status;
}
