// Loads API roots and collections for a TAXII viewer and checks what the request needs. A
// collection outside a party's scope, or under another API root, is reported as missing, so a third
// party cannot probe which collections (or roots) exist.
import { AppError } from '../../errors.js';
import {
  collectionAccess,
  visibleApiRoots,
  type CollectionAccess,
  type TaxiiViewer,
} from '../../intel/taxii/access.js';
import { findCollection, listCollections, type CollectionRow } from '../../storage/repositories/taxii.repository.js';
import type { ServiceContext } from '../context.js';

export type ViewedCollection = CollectionRow & CollectionAccess;

/** The API roots this caller may learn of (anonymous discovery: the default one only). */
export async function listTaxiiApiRoots(ctx: ServiceContext, viewer: TaxiiViewer | null): Promise<string[]> {
  return visibleApiRoots(viewer ? await listCollections(ctx.db) : [], viewer);
}

function assertRootVisible(collections: readonly CollectionRow[], viewer: TaxiiViewer, apiRoot: string): void {
  if (!visibleApiRoots(collections, viewer).includes(apiRoot))
    throw new AppError('INTEL_TAXII_NOT_FOUND', { details: { apiRoot } });
}

/** Refuses an API root the caller may not know of with the same 404 as one that does not exist. */
export async function requireTaxiiApiRoot(ctx: ServiceContext, viewer: TaxiiViewer, apiRoot: string): Promise<void> {
  assertRootVisible(await listCollections(ctx.db), viewer, apiRoot);
}

/** The collections of an API root this caller may see (the root refused as requireTaxiiApiRoot does). */
export async function listTaxiiCollections(
  ctx: ServiceContext,
  viewer: TaxiiViewer,
  apiRoot: string,
): Promise<ViewedCollection[]> {
  const rows = await listCollections(ctx.db);
  assertRootVisible(rows, viewer, apiRoot);
  return rows
    .filter((c) => c.apiRoot === apiRoot)
    .map((c) => ({ ...c, ...collectionAccess(c, viewer) }))
    .filter((c) => c.visible);
}

export async function requireTaxiiCollection(
  ctx: ServiceContext,
  viewer: TaxiiViewer,
  apiRoot: string,
  idOrAlias: string,
  need: 'see' | 'read' | 'write',
): Promise<ViewedCollection> {
  const found = await findCollection(ctx.db, idOrAlias);
  const row = found?.apiRoot === apiRoot ? found : null;
  const viewed = row ? { ...row, ...collectionAccess(row, viewer) } : null;
  if (!viewed?.visible) {
    // A visible collection implies its root is visible, so the root is only looked at on failure:
    // under a root the caller may not know of, the root itself is what is missing.
    await requireTaxiiApiRoot(ctx, viewer, apiRoot);
    throw new AppError('INTEL_TAXII_COLLECTION_NOT_FOUND', { details: { collection: idOrAlias } });
  }
  if (need === 'read' && !viewed.canRead)
    throw new AppError('INTEL_TAXII_FORBIDDEN', { details: { need: 'can_read' } });
  if (need === 'write' && !viewed.canWrite)
    throw new AppError('INTEL_TAXII_FORBIDDEN', { details: { need: 'can_write' } });
  return viewed;
}
