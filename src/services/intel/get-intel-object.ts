// Use case: one STIX object with every stored version (all collections), newest first.
import { AppError } from '../../errors.js';
import { listObjectVersions, type IntelObjectRow } from '../../storage/repositories/intel-object.repository.js';
import type { ServiceContext } from '../context.js';

export async function getIntelObject(ctx: ServiceContext, stixId: string): Promise<IntelObjectRow[]> {
  const versions = await listObjectVersions(ctx.db, stixId);
  if (versions.length === 0) throw new AppError('INTEL_STIX_OBJECT_NOT_FOUND', { details: { id: stixId } });
  return versions;
}
