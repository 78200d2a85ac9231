// Use case: browse stored STIX objects (latest version of each), with type filter, text search
// over id, name, pattern and value, and paging. Local users with intel:read see every collection.
import { AppError } from '../../errors.js';
import {
  getCollectionByIdOrAlias,
  listLatestObjects,
  type IntelObjectRow,
} from '../../storage/repositories/intel-object.repository.js';
import type { ServiceContext } from '../context.js';

export type ListIntelObjectsQuery = {
  collection?: string;
  types?: string[];
  q?: string;
  limit: number;
  offset: number;
};

export async function listIntelObjects(
  ctx: ServiceContext,
  query: ListIntelObjectsQuery,
): Promise<{ items: IntelObjectRow[]; total: number }> {
  let collectionId: string | undefined;
  if (query.collection) {
    const collection = await getCollectionByIdOrAlias(ctx.db, query.collection);
    if (!collection)
      throw new AppError('INTEL_STIX_COLLECTION_NOT_FOUND', { details: { collection: query.collection } });
    collectionId = collection.id;
  }
  const { rows, total } = await listLatestObjects(ctx.db, {
    ...(collectionId ? { collectionId } : {}),
    ...(query.types?.length ? { types: query.types } : {}),
    ...(query.q?.trim() ? { search: query.q.trim() } : {}),
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows, total };
}
