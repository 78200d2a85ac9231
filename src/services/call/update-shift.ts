// Use case: a supervisor moves, re-assigns or re-times an on-call shift; local wall times are
// read in the shift's (possibly new) zone so a planner never has to convert by hand.
import { AppError } from '../../errors.js';
import type { EscalationRole, Shift } from '../../domain/call/index.js';
import { isValidTimeZone, requireCallAccess, requireValidShift } from '../../domain/call/index.js';
import { instantToZonedLocal } from '../../domain/shared/zones.js';
import type { Actor } from '../../domain/shared/actor.js';
import {
  findShift,
  findShiftOfficers,
  updateShift as saveShift,
} from '../../storage/repositories/roster.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import type { SavedShift } from './add-shift.js';
import { checkShift, shiftFromPlan, viewShift } from './roster-view.js';

export type ShiftChanges = {
  userId?: string;
  role?: EscalationRole;
  start?: string;
  end?: string;
  timeZone?: string;
  localStart?: string;
  localEnd?: string;
};

export async function updateShift(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: ShiftChanges,
  viewerTimeZone: string,
): Promise<SavedShift> {
  requireCallAccess(actor, 'manage_roster');
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const stored = await findShift(tx, id, true);
    if (!stored) throw new AppError('NOT_FOUND', { details: { id } });
    const before = stored.shift;
    const merged = {
      ...before,
      ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    } as Shift & ShiftChanges;
    const local = changes.localStart !== undefined || changes.localEnd !== undefined;
    if (local && !isValidTimeZone(merged.timeZone)) requireValidShift({ ...before, timeZone: merged.timeZone });
    // A local time given for one end only keeps the other end where it is: the same instant, not its
    // wall time read again (a time fall-back repeats would come back as its first occurrence).
    const planned = local
      ? shiftFromPlan({
          userId: merged.userId,
          role: merged.role,
          timeZone: merged.timeZone,
          localStart: changes.localStart ?? instantToZonedLocal(before.start, merged.timeZone, true),
          localEnd: changes.localEnd ?? instantToZonedLocal(before.end, merged.timeZone, true),
        })
      : shiftFromPlan({
          userId: merged.userId,
          role: merged.role,
          timeZone: merged.timeZone,
          start: merged.start,
          end: merged.end,
        });
    const input = local
      ? {
          ...planned,
          start: changes.localStart === undefined ? before.start : planned.start,
          end: changes.localEnd === undefined ? before.end : planned.end,
        }
      : planned;
    const next: Shift = { ...input, id };
    const warnings = await checkShift(tx, next);
    await saveShift(tx, next, stored.version);
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'roster_shift',
        subjectId: id,
        events: [{ type: 'roster.shift_updated', at: now.toISOString(), data: { before, after: next } }],
      },
      now,
    );
    const officer = (await findShiftOfficers(tx, [next.userId])).get(next.userId);
    return { shift: viewShift(next, officer, viewerTimeZone), warnings };
  });
}
