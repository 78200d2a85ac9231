// Use case: an administrator lets an excluded value correlate again (from the next time it is recorded).
import type { UserActor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import { deleteExclusion, type ExclusionRow } from '../../storage/repositories/observable-index.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';

export async function removeExclusion(
  ctx: ServiceContext,
  actor: UserActor,
  type: string,
  valueHash: string,
): Promise<ExclusionRow> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const removed = await deleteExclusion(tx, type, valueHash);
    if (!removed) throw new AppError('INTEL_CORRELATION_EXCLUSION_NOT_FOUND', { details: { type, valueHash } });
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'correlation_exclusion',
        subjectId: `${type}:${valueHash}`,
        events: [{ type: 'removed', at: now.toISOString(), data: { value: removed.value } }],
      },
      now,
    );
    return removed;
  });
}
