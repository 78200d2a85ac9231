// Loads a collection for a TAXII viewer and checks what the request needs. A collection outside a
// party's scope is reported as missing, so a third party cannot probe which collections exist.
import { AppError } from '../../errors.js';
import { collectionAccess, type CollectionAccess, type TaxiiViewer } from '../../intel/taxii/access.js';
import { findCollection, listCollections, type CollectionRow } from '../../storage/repositories/taxii.repository.js';
import type { ServiceContext } from '../context.js';

export type ViewedCollection = CollectionRow & CollectionAccess;

export async function listTaxiiCollections(ctx: ServiceContext, viewer: TaxiiViewer): Promise<ViewedCollection[]> {
  const rows = await listCollections(ctx.db);
  return rows.map((c) => ({ ...c, ...collectionAccess(c, viewer) })).filter((c) => c.visible);
}

export async function requireTaxiiCollection(
  ctx: ServiceContext, viewer: TaxiiViewer, idOrAlias: string, need: 'see' | 'read' | 'write',
): Promise<ViewedCollection> {
  const row = await findCollection(ctx.db, idOrAlias);
  const viewed = row ? { ...row, ...collectionAccess(row, viewer) } : null;
  if (!viewed?.visible) throw new AppError('INTEL_TAXII_COLLECTION_NOT_FOUND', { details: { collection: idOrAlias } });
  if (need === 'read' && !viewed.canRead) throw new AppError('INTEL_TAXII_FORBIDDEN', { details: { need: 'can_read' } });
  if (need === 'write' && !viewed.canWrite) throw new AppError('INTEL_TAXII_FORBIDDEN', { details: { need: 'can_write' } });
  return viewed;
}
