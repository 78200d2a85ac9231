// Use case: a supervisor moves, re-assigns or re-times an on-call shift; local wall times are
// read in the shift's (possibly new) zone so a planner never has to convert by hand.
import { AppError } from '../../errors.js';
import type { EscalationRole, Shift } from '../../domain/call/index.js';
import { isValidTimeZone, requireCallAccess, requireValidShift } from '../../domain/call/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { findShift, findShiftOfficers, updateShift as saveShift } from '../../storage/repositories/roster.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import type { SavedShift } from './add-shift.js';
import { checkShift, shiftFromPlan, viewShift } from './roster-view.js';

export type ShiftChanges = {
  userId?: string; role?: EscalationRole; start?: string; end?: string; timeZone?: string;
  localStart?: string; localEnd?: string;
};

export async function updateShift(ctx: ServiceContext, actor: Actor, id: string, changes: ShiftChanges, viewerTimeZone: string): Promise<SavedShift> {
  requireCallAccess(actor, 'manage_roster');
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const stored = await findShift(tx, id, true);
    if (!stored) throw new AppError('NOT_FOUND', { details: { id } });
    const before = stored.shift;
    const merged = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as Shift & ShiftChanges;
    const local = changes.localStart !== undefined || changes.localEnd !== undefined;
    if (local && !isValidTimeZone(merged.timeZone)) requireValidShift({ ...before, timeZone: merged.timeZone });
    // A local time given for one end only keeps the other end where it is.
    const input = local
      ? shiftFromPlan({
          userId: merged.userId, role: merged.role, timeZone: merged.timeZone,
          localStart: changes.localStart ?? toLocal(before.start, merged.timeZone), localEnd: changes.localEnd ?? toLocal(before.end, merged.timeZone),
        })
      : shiftFromPlan({ userId: merged.userId, role: merged.role, timeZone: merged.timeZone, start: merged.start, end: merged.end });
    const next: Shift = { ...input, id };
    const warnings = await checkShift(tx, next);
    await saveShift(tx, next, stored.version);
    await recordChange(tx, {
      actor, subjectType: 'roster_shift', subjectId: id,
      events: [{ type: 'roster.shift_updated', at: now.toISOString(), data: { before, after: next } }],
    }, now);
    const officer = (await findShiftOfficers(tx, [next.userId])).get(next.userId);
    return { shift: viewShift(next, officer, viewerTimeZone), warnings };
  });
}

/** Wall time of an instant in a zone, "YYYY-MM-DDTHH:mm:ss", the form shiftFromLocalTimes reads. */
function toLocal(at: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(at));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}
