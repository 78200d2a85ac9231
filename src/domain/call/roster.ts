// On-call roster (docs/spec.md §3.2): shifts as UTC instants with the zone they were planned in, so DST
// never shortens or lengthens a shift by surprise; who is on duty at each rung of the ladder.
import type { ValidationIssue } from '../../error-types.js';
import { AppError } from '../../errors.js';
import { issue } from '../shared/bilingual.js';
import { DAY_MS, HOUR_MS, iso } from '../shared/time.js';
import type { EscalationLevel, EscalationRole } from './topics.js';
import { ESCALATION_ROLES, MAX_ESCALATION_LEVEL, escalationRole } from './topics.js';
import { isIsoInstant } from './validation.js';
import { isValidTimeZone } from '../shared/time.js';

export type Shift = {
  id: string;
  userId: string;
  role: EscalationRole;
  /** Inclusive start and exclusive end, ISO-8601 UTC instants. */
  start: string;
  end: string;
  /** IANA zone the shift was planned in, used to display it as its officer sees it. */
  timeZone: string;
};

export type ShiftInput = Omit<Shift, 'id'> & { id?: string };

export const MAX_SHIFT_MS = 7 * DAY_MS;
/** Longer than this is allowed (weekend stand-by) but flagged. */
export const LONG_SHIFT_MS = 24 * HOUR_MS;

const ms = (at: string): number => new Date(at).getTime();

export function isOnShift(shift: Pick<Shift, 'start' | 'end'>, now: Date): boolean {
  const t = now.getTime();
  return ms(shift.start) <= t && t < ms(shift.end);
}

export type OnDuty = Record<EscalationRole, Shift[]>;

/** Everyone on shift at `now`, per rung, earliest start first. */
export function whoIsOnDuty(roster: readonly Shift[], now: Date): OnDuty {
  const result: OnDuty = { duty_officer: [], deputy: [], supervisor: [] };
  for (const s of roster) if (isOnShift(s, now)) result[s.role].push(s);
  for (const role of ESCALATION_ROLES) result[role].sort((a, b) => ms(a.start) - ms(b.start));
  return result;
}

/**
 * Whom to alert for a call at ladder `level`: that rung's people on shift, or, if the rung is
 * empty, the next rung up — a gap in the roster must never leave an emergency with nobody.
 */
export function contactsForLevel(
  roster: readonly Shift[],
  level: EscalationLevel,
  now: Date,
): { level: EscalationLevel; role: EscalationRole; shifts: Shift[] } {
  const duty = whoIsOnDuty(roster, now);
  for (let l = level; l <= MAX_ESCALATION_LEVEL; l++) {
    const role = escalationRole(l as EscalationLevel);
    if (duty[role].length > 0) return { level: l as EscalationLevel, role, shifts: duty[role] };
  }
  return { level, role: escalationRole(level), shifts: [] };
}

function overlaps(a: Pick<Shift, 'start' | 'end'>, b: Pick<Shift, 'start' | 'end'>): boolean {
  return ms(a.start) < ms(b.end) && ms(b.start) < ms(a.end);
}

export type ShiftValidation = { issues: ValidationIssue[]; warnings: ValidationIssue[] };

/**
 * Errors block saving; warnings are shown to the planner. Overlap on the same rung is only a
 * warning because hand-overs deliberately overlap.
 */
export function validateShift(shift: ShiftInput, others: readonly Shift[] = []): ShiftValidation {
  const issues: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  if (!shift.userId?.trim()) issues.push(issue('userId', 'required', 'Choose the officer.', '请选择值班人员。'));
  if (!ESCALATION_ROLES.includes(shift.role)) {
    issues.push(
      issue(
        'role',
        'invalid_role',
        'Role must be duty officer, deputy or supervisor.',
        '岗位必须为值班员、副值班员或值班主管。',
      ),
    );
  }
  if (!isValidTimeZone(shift.timeZone)) {
    issues.push(
      issue(
        'timeZone',
        'invalid_time_zone',
        'Not a known IANA time zone (e.g. Asia/Shanghai).',
        '不是有效的 IANA 时区（如 Asia/Shanghai）。',
      ),
    );
  }
  const startOk = isIsoInstant(shift.start);
  const endOk = isIsoInstant(shift.end);
  if (!startOk) issues.push(issue('start', 'invalid_instant', 'Not a valid start time.', '开始时间无效。'));
  if (!endOk) issues.push(issue('end', 'invalid_instant', 'Not a valid end time.', '结束时间无效。'));
  if (!startOk || !endOk) return { issues, warnings };

  const length = ms(shift.end) - ms(shift.start);
  if (length <= 0) {
    issues.push(
      issue('end', 'end_before_start', 'The shift must end after it starts.', '班次结束时间必须晚于开始时间。'),
    );
  } else if (length > MAX_SHIFT_MS) {
    issues.push(issue('end', 'too_long', 'A shift may last at most 7 days.', '单个班次最长 7 天。'));
  } else if (length > LONG_SHIFT_MS) {
    warnings.push(issue('end', 'long_shift', 'This shift is longer than 24 hours.', '该班次超过 24 小时。'));
  }
  if (length <= 0) return { issues, warnings };

  for (const other of others) {
    if (shift.id !== undefined && other.id === shift.id) continue;
    if (!overlaps(shift, other)) continue;
    if (other.userId === shift.userId) {
      warnings.push(
        issue(
          'start',
          'overlap_same_user',
          'This officer already has an overlapping shift.',
          '该人员已有时间重叠的班次。',
        ),
      );
    } else if (other.role === shift.role) {
      warnings.push(
        issue(
          'start',
          'overlap_same_level',
          'Another officer covers the same role at the same time.',
          '同一时段该岗位已有其他人员值班。',
        ),
      );
    }
  }
  return { issues, warnings };
}

/** Throws CALL_SHIFT_INVALID on errors; returns the warnings otherwise. */
export function requireValidShift(shift: ShiftInput, others: readonly Shift[] = []): ValidationIssue[] {
  const { issues, warnings } = validateShift(shift, others);
  if (issues.length > 0) throw new AppError('CALL_SHIFT_INVALID', { issues });
  return warnings;
}

/** Stretches of [from, to) during which nobody holds `role`: the planner's "no cover" alerts. */
export function findCoverageGaps(
  roster: readonly Shift[],
  role: EscalationRole,
  from: Date,
  to: Date,
): { start: string; end: string }[] {
  const spans = roster
    .filter((s) => s.role === role && ms(s.end) > from.getTime() && ms(s.start) < to.getTime())
    .map((s) => [Math.max(ms(s.start), from.getTime()), Math.min(ms(s.end), to.getTime())] as const)
    .sort((a, b) => a[0] - b[0]);
  const gaps: { start: string; end: string }[] = [];
  let cursor = from.getTime();
  for (const [s, e] of spans) {
    if (s > cursor) gaps.push({ start: iso(new Date(cursor)), end: iso(new Date(s)) });
    cursor = Math.max(cursor, e);
  }
  if (cursor < to.getTime()) gaps.push({ start: iso(new Date(cursor)), end: iso(to) });
  return gaps;
}
