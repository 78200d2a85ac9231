// Reads a TAXII status resource under the API root of its collection: its poster sees it, and so
// do local users who may read intel; anyone else is told it does not exist.
import { AppError } from '../../errors.js';
import type { TaxiiViewer } from '../../intel/taxii/access.js';
import { UUID_RE } from '../../shared/ids.js';
import { findCollection, findStatus, type StatusRow } from '../../storage/repositories/taxii.repository.js';
import type { ServiceContext } from '../context.js';

export async function getTaxiiStatus(
  ctx: ServiceContext,
  viewer: TaxiiViewer,
  apiRoot: string,
  statusId: string,
): Promise<StatusRow> {
  const status = UUID_RE.test(statusId) ? await findStatus(ctx.db, statusId) : null;
  const mayRead = status && (status.userId === viewer.userId || (viewer.kind === 'local' && viewer.canRead));
  const underRoot = status && (await findCollection(ctx.db, status.collectionId))?.apiRoot === apiRoot;
  if (!status || !mayRead || !underRoot)
    throw new AppError('INTEL_TAXII_STATUS_NOT_FOUND', { details: { id: statusId } });
  return status;
}
