// Use case: a supervisor removes an on-call shift; the audit log and history keep what it was.
import { AppError } from '../../errors.js';
import { requireCallAccess } from '../../domain/call/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { deleteShift, findShift } from '../../storage/repositories/roster.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';

export async function removeShift(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireCallAccess(actor, 'manage_roster');
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const stored = await findShift(tx, id, true);
    if (!stored) throw new AppError('NOT_FOUND', { details: { id } });
    await deleteShift(tx, id);
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'roster_shift',
        subjectId: id,
        events: [{ type: 'roster.shift_removed', at: now.toISOString(), data: { ...stored.shift } }],
      },
      now,
    );
  });
}
