// Shared pieces of the roster use cases: turning planner input into a checked shift, and showing
// a shift with its officer and its times in the officer's zone and the viewer's.
import { AppError, validationError } from '../../errors.js';
import type { Shift, ShiftDisplay, ShiftInput, TShiftInput, TShiftLocalInput } from '../../domain/call/index.js';
import {
  describeShift,
  isIsoInstant,
  isValidTimeZone,
  requireValidShift,
  shiftFromLocalTimes,
  validateShift,
} from '../../domain/call/index.js';
import type { ValidationIssue } from '../../error-types.js';
import { issue } from '../../domain/shared/bilingual.js';
import { rolesHave } from '../../domain/user/permissions.js';
import type { Queryable } from '../../storage/db.js';
import {
  findShiftOfficers,
  listShiftsBetween,
  type ShiftOfficer,
} from '../../storage/repositories/roster.repository.js';

/** A shift given as UTC instants, or as local wall times in its zone (the planner's view). */
export type ShiftPlan = TShiftInput | TShiftLocalInput;

export type ShiftView = Shift & { officer: { name: string; timeZone: string } | null; display: ShiftDisplay };

export function requireViewerZone(timeZone: string): string {
  if (isValidTimeZone(timeZone)) return timeZone;
  throw validationError([
    issue(
      'viewerTimeZone',
      'invalid_time_zone',
      'Not a known IANA time zone (e.g. Asia/Shanghai).',
      '不是有效的 IANA 时区（如 Asia/Shanghai）。',
    ),
  ]);
}

export function shiftFromPlan(plan: ShiftPlan): ShiftInput {
  // Instants are stored in one form (UTC, ms) so lists and overlaps compare like with like.
  const norm = (at: string) => (isIsoInstant(at) ? new Date(at).toISOString() : at);
  if (!('localStart' in plan))
    return {
      userId: plan.userId,
      role: plan.role,
      start: norm(plan.start),
      end: norm(plan.end),
      timeZone: plan.timeZone,
    };
  const shift = shiftFromLocalTimes(plan);
  if (shift) return shift;
  throw new AppError('CALL_SHIFT_INVALID', {
    issues: [
      issue(
        'localStart',
        'invalid_local_time',
        'Not a valid local date and time in that time zone.',
        '该时区下的本地日期时间无效。',
      ),
    ],
  });
}

/** Checks the shift and its officer; returns the planner's warnings (overlaps, long shifts, no ack right). */
export async function checkShift(tx: Queryable, shift: ShiftInput): Promise<ValidationIssue[]> {
  requireValidShift(shift);
  const officer = (await findShiftOfficers(tx, [shift.userId])).get(shift.userId);
  if (!officer || officer.disabled) {
    throw new AppError('CALL_SHIFT_INVALID', {
      issues: [issue('userId', 'unknown_user', 'No active user with this id.', '没有该在用账户。')],
    });
  }
  const others = await listShiftsBetween(tx, shift.start, shift.end);
  const warnings = validateShift(shift, others).warnings;
  // Whoever is on the ladder must be able to acknowledge a call when it reaches them.
  if (!rolesHave(officer.roles, 'call:ack')) {
    warnings.push(
      issue(
        'userId',
        'cannot_acknowledge',
        'This officer’s roles do not allow acknowledging calls.',
        '该人员的角色无权确认呼叫。',
      ),
    );
  }
  return warnings;
}

export async function viewShifts(
  db: Queryable,
  shifts: readonly Shift[],
  viewerTimeZone: string,
): Promise<ShiftView[]> {
  const officers = await findShiftOfficers(db, [...new Set(shifts.map((s) => s.userId))]);
  return shifts.map((s) => viewShift(s, officers.get(s.userId), viewerTimeZone));
}

export function viewShift(shift: Shift, officer: ShiftOfficer | undefined, viewerTimeZone: string): ShiftView {
  return {
    ...shift,
    officer: officer ? { name: officer.displayName, timeZone: officer.timeZone } : null,
    display: describeShift(shift, viewerTimeZone),
  };
}
