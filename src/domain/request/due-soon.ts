// "Response deadline within N hours" (issue 19, paging): once the response a node owes on a request
// is due within N hours (N set by the administrator), the request's officers and supervisors are paged
// — once per deadline: the event's key carries the deadline, so a deadline moved by an agreed override
// warns afresh. Pure: the caller passes the record, the node's party, N and `now`.
import { RESPONSE_OPEN } from './clock-status.js';
import type { RequestRecord } from './types.js';

export const RESPONSE_DUE_SOON = 'response_due_soon';

export type DueSoonEvent = { key: string; dueAt: string; hoursLeft: number };

/** The key a due-soon warning for this deadline is stored under (also matched in SQL). */
export const dueSoonKey = (responseDueAt: string): string => `${RESPONSE_DUE_SOON}@${responseDueAt}`;

/**
 * The warning due at `now`: the response clock runs (not paused), this node owes the response, and the
 * deadline is in the future but no more than `hours` away. Null otherwise (an overdue deadline has its
 * own event).
 */
export function responseDueSoon(r: RequestRecord, ownParty: string, hours: number, now: Date): DueSoonEvent | null {
  const c = r.clocks;
  if (
    r.requestedParty !== ownParty ||
    !RESPONSE_OPEN.includes(r.status) ||
    !c.responseDueAt ||
    !c.responseClockStartAt ||
    c.pausedAt
  )
    return null;
  const left = Date.parse(c.responseDueAt) - now.getTime();
  if (left <= 0 || left > hours * 3_600_000) return null;
  return {
    key: dueSoonKey(c.responseDueAt),
    dueAt: c.responseDueAt,
    hoursLeft: Math.max(1, Math.ceil(left / 3_600_000)),
  };
}
