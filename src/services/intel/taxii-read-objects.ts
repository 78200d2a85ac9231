// Reads one page of a collection for a TAXII viewer: objects, manifest entries or versions all come
// from the same filtered, (added_at, seq)-ordered query, so `next` works alike for the three.
import { servedTlpLevels, type TaxiiViewer } from '../../intel/taxii/access.js';
import { encodeCursor } from '../../intel/taxii/cursor.js';
import type { TaxiiFilters } from '../../intel/taxii/filters.js';
import { queryObjects, type TaxiiObjectRow } from '../../storage/repositories/taxii.repository.js';
import type { ServiceContext } from '../context.js';
import type { ViewedCollection } from './taxii-collection-access.js';

export type TaxiiPage = {
  rows: TaxiiObjectRow[];
  more: boolean;
  next?: string;
  /** date_added of the first and last object on the page (the X-TAXII-Date-Added-* headers). */
  firstAdded?: string;
  lastAdded?: string;
};

export async function readTaxiiPage(
  ctx: ServiceContext,
  viewer: TaxiiViewer,
  collection: ViewedCollection,
  filters: TaxiiFilters,
): Promise<TaxiiPage> {
  const { rows, more } = await queryObjects(ctx.db, {
    collectionId: collection.id,
    filters,
    tlps: servedTlpLevels(collection, viewer),
  });
  const last = rows[rows.length - 1];
  return {
    rows,
    more,
    ...(more && last ? { next: encodeCursor({ addedAt: last.addedAt, seq: last.seq }) } : {}),
    ...(rows[0] && last ? { firstAdded: rows[0].addedAt, lastAdded: last.addedAt } : {}),
  };
}
