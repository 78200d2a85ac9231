// Showing and planning shifts in local time: the officer's zone and the viewer's zone side by side.
import type { EscalationRole } from './topics.js';
import type { Shift, ShiftInput } from './roster.js';
import { formatInZone, zoneOffsetMs, zonedLocalToInstant } from '../shared/zones.js';

export type ShiftDisplay = {
  /** Real length; a night shift across a DST change is an hour shorter or longer than its wall times suggest. */
  durationMs: number;
  crossesOffsetChange: boolean;
  shiftZone: { timeZone: string; start: string; end: string };
  viewerZone: { timeZone: string; start: string; end: string };
};

export function describeShift(shift: Shift, viewerTimeZone: string, locale = 'en-GB'): ShiftDisplay {
  return {
    durationMs: new Date(shift.end).getTime() - new Date(shift.start).getTime(),
    crossesOffsetChange: zoneOffsetMs(shift.start, shift.timeZone) !== zoneOffsetMs(shift.end, shift.timeZone),
    shiftZone: {
      timeZone: shift.timeZone,
      start: formatInZone(shift.start, shift.timeZone, locale),
      end: formatInZone(shift.end, shift.timeZone, locale),
    },
    viewerZone: {
      timeZone: viewerTimeZone,
      start: formatInZone(shift.start, viewerTimeZone, locale),
      end: formatInZone(shift.end, viewerTimeZone, locale),
    },
  };
}

/**
 * A shift planned as local wall times ("2025-03-08T20:00" to "2025-03-09T08:00" in New York),
 * turned into instants. Null when a time is malformed or the zone unknown; run validateShift next.
 */
export function shiftFromLocalTimes(input: {
  userId: string;
  role: EscalationRole;
  timeZone: string;
  localStart: string;
  localEnd: string;
}): ShiftInput | null {
  const start = zonedLocalToInstant(input.localStart, input.timeZone);
  const end = zonedLocalToInstant(input.localEnd, input.timeZone);
  if (!start || !end) return null;
  return {
    userId: input.userId,
    role: input.role,
    timeZone: input.timeZone,
    start: start.toISOString(),
    end: end.toISOString(),
  };
}
