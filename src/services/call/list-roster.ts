// Use case: the roster for a period, each shift shown in its officer's zone and the viewer's,
// with the stretches where a rung of the ladder has nobody (the planner's "no cover" alerts).
import { validationError } from '../../errors.js';
import type { EscalationRole } from '../../domain/call/index.js';
import { ESCALATION_ROLES, findCoverageGaps, requireCallAccess } from '../../domain/call/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { issue } from '../../domain/shared/bilingual.js';
import { DAY_MS } from '../../domain/shared/time.js';
import { listShiftsBetween } from '../../storage/repositories/roster.repository.js';
import type { ServiceContext } from '../context.js';
import { requireViewerZone, viewShifts, type ShiftView } from './roster-view.js';

export type RosterInput = { from?: string; to?: string; viewerTimeZone: string };
export type Roster = {
  from: string;
  to: string;
  viewerTimeZone: string;
  shifts: ShiftView[];
  gaps: Record<EscalationRole, { start: string; end: string }[]>;
};

const MAX_SPAN_MS = 62 * DAY_MS;

export async function listRoster(ctx: ServiceContext, actor: Actor, input: RosterInput): Promise<Roster> {
  requireCallAccess(actor, 'view_roster');
  const viewerTimeZone = requireViewerZone(input.viewerTimeZone);
  const now = ctx.clock();
  const from = input.from ? new Date(input.from) : new Date(now.getTime() - DAY_MS);
  const to = input.to ? new Date(input.to) : new Date(from.getTime() + 15 * DAY_MS);
  const span = to.getTime() - from.getTime();
  if (!(span > 0 && span <= MAX_SPAN_MS)) {
    throw validationError([
      issue(
        'to',
        'invalid_range',
        'The period must end after it starts and span at most 62 days.',
        '查询时段的结束须晚于开始，且不超过 62 天。',
      ),
    ]);
  }
  const shifts = await listShiftsBetween(ctx.db, from.toISOString(), to.toISOString());
  const gaps = Object.fromEntries(
    ESCALATION_ROLES.map((role) => [role, findCoverageGaps(shifts, role, from, to)]),
  ) as Roster['gaps'];
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    viewerTimeZone,
    shifts: await viewShifts(ctx.db, shifts, viewerTimeZone),
    gaps,
  };
}
