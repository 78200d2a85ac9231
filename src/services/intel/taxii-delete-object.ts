// TAXII DELETE of an object (all versions, or those match[version]/match[spec_version] select);
// one transaction with its audit entry. Needs write access to the collection.
import { AppError } from '../../errors.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { servedTlpLevels, type TaxiiViewer } from '../../intel/taxii/access.js';
import type { TaxiiFilters } from '../../intel/taxii/filters.js';
import { deleteObjects } from '../../storage/repositories/taxii.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import type { ViewedCollection } from './taxii-collection-access.js';

export async function deleteTaxiiObject(
  ctx: ServiceContext,
  actor: UserActor,
  viewer: TaxiiViewer,
  collection: ViewedCollection,
  stixId: string,
  filters: TaxiiFilters,
): Promise<number> {
  const now = ctx.clock();
  // Without match[version] a DELETE removes every version (TAXII 2.1 §5.7).
  const versions = filters.versionsGiven ? filters.versions : { all: true, first: false, last: false, at: [] };
  return ctx.db.transaction(async (tx) => {
    const deleted = await deleteObjects(tx, {
      collectionId: collection.id,
      filters: { ...filters, ids: [stixId], versions },
      tlps: servedTlpLevels(collection, viewer),
    });
    if (deleted === 0) throw new AppError('INTEL_TAXII_OBJECT_NOT_FOUND', { details: { id: stixId } });
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'intel_collection',
        subjectId: collection.id,
        events: [{ type: 'taxii_object_deleted', at: now.toISOString(), data: { stixId, versions: deleted } }],
      },
      now,
    );
    return deleted;
  });
}
