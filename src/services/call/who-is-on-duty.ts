// Use case: who holds each rung of the escalation ladder right now (or at a given instant), with
// the local time where each officer is, so a caller knows whether they are waking someone up.
import type { EscalationRole } from '../../domain/call/index.js';
import { ESCALATION_ROLES, formatInZone, requireCallAccess, whoIsOnDuty as onDutyAt } from '../../domain/call/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { listShiftsBetween } from '../../storage/repositories/roster.repository.js';
import type { ServiceContext } from '../context.js';
import { requireViewerZone, viewShifts, type ShiftView } from './roster-view.js';

export type OnDutyEntry = ShiftView & { localTimeNow: string };
export type OnDuty = {
  at: string;
  viewerTimeZone: string;
  viewerTimeNow: string;
  onDuty: Record<EscalationRole, OnDutyEntry[]>;
};

export async function whoIsOnDuty(
  ctx: ServiceContext,
  actor: Actor,
  input: { at?: string; viewerTimeZone: string },
): Promise<OnDuty> {
  requireCallAccess(actor, 'view_roster');
  const viewerTimeZone = requireViewerZone(input.viewerTimeZone);
  const at = input.at ? new Date(input.at) : ctx.clock();
  const iso = at.toISOString();
  // A shift covers `at` when it started at or before it and ends after it.
  const shifts = await listShiftsBetween(ctx.db, iso, new Date(at.getTime() + 1).toISOString());
  const duty = onDutyAt(shifts, at);
  const views = new Map((await viewShifts(ctx.db, shifts, viewerTimeZone)).map((v) => [v.id, v]));
  const onDuty = Object.fromEntries(
    ESCALATION_ROLES.map((role) => [
      role,
      duty[role].map((s) => {
        const view = views.get(s.id)!;
        return { ...view, localTimeNow: formatInZone(at, s.timeZone) };
      }),
    ]),
  ) as OnDuty['onDuty'];
  return { at: iso, viewerTimeZone, viewerTimeNow: formatInZone(at, viewerTimeZone), onDuty };
}
