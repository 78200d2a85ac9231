// Reads a TAXII status resource: its poster sees it, and so do local users who may read intel;
// anyone else is told it does not exist.
import { AppError } from '../../errors.js';
import type { TaxiiViewer } from '../../intel/taxii/access.js';
import { UUID_RE } from '../../shared/ids.js';
import { findStatus, type StatusRow } from '../../storage/repositories/taxii.repository.js';
import type { ServiceContext } from '../context.js';

export async function getTaxiiStatus(ctx: ServiceContext, viewer: TaxiiViewer, statusId: string): Promise<StatusRow> {
  const status = UUID_RE.test(statusId) ? await findStatus(ctx.db, statusId) : null;
  const mayRead = status && (status.userId === viewer.userId || (viewer.kind === 'local' && viewer.canRead));
  if (!status || !mayRead) throw new AppError('INTEL_TAXII_STATUS_NOT_FOUND', { details: { id: statusId } });
  return status;
}
