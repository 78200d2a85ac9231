// Use case: a supervisor adds an on-call shift to this node's roster (docs/spec.md §3.2).
import type { Shift } from '../../domain/call/index.js';
import { requireCallAccess } from '../../domain/call/index.js';
import type { ValidationIssue } from '../../error-types.js';
import type { Actor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import { findShiftOfficers, insertShift } from '../../storage/repositories/roster.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { checkShift, shiftFromPlan, viewShift, type ShiftPlan, type ShiftView } from './roster-view.js';

export type SavedShift = { shift: ShiftView; warnings: ValidationIssue[] };

export async function addShift(
  ctx: ServiceContext,
  actor: Actor,
  plan: ShiftPlan,
  viewerTimeZone: string,
): Promise<SavedShift> {
  requireCallAccess(actor, 'manage_roster');
  const now = ctx.clock();
  const input = shiftFromPlan(plan);
  return ctx.db.transaction(async (tx) => {
    const warnings = await checkShift(tx, input);
    const shift: Shift = {
      id: newId(),
      userId: input.userId,
      role: input.role,
      start: input.start,
      end: input.end,
      timeZone: input.timeZone,
    };
    await insertShift(tx, shift);
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'roster_shift',
        subjectId: shift.id,
        events: [
          {
            type: 'roster.shift_added',
            at: now.toISOString(),
            data: { ...shift, warnings: warnings.map((w) => w.code) },
          },
        ],
      },
      now,
    );
    const officer = (await findShiftOfficers(tx, [shift.userId])).get(shift.userId);
    return { shift: viewShift(shift, officer, viewerTimeZone), warnings };
  });
}
