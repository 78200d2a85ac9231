// Due dates of action items. A due date is a calendar day shared by parties in different time
// zones, so it ends when that day has ended everywhere ("anywhere on Earth", UTC−12): no party
// sees a commitment overdue while its due day is still running for the other.
import { DAY_MS, HOUR_MS, iso } from '../shared/time.js';
import type { ActionItem } from './types.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** First instant after the due day has ended everywhere: next day 00:00 at UTC−12 = 12:00Z. */
export function dueInstant(dueDate: string): Date {
  return new Date(Date.parse(`${dueDate}T00:00:00.000Z`) + DAY_MS + 12 * HOUR_MS);
}

export const OPEN_ITEM_STATUSES: readonly ActionItem['status'][] = ['open', 'in_progress'];

export type ActionItemEvaluation = {
  isOpen: boolean;
  isOverdue: boolean;
  /** Instant the item becomes overdue (exclusive end of the due day, anywhere on Earth). */
  dueAt: string;
  /** Negative once overdue; null once done or dropped. */
  msUntilDue: number | null;
  /** Whole days past due (0 on the first overdue day); 0 when not overdue. */
  daysOverdue: number;
  /** Open and due within `dueSoonDays` (default 7). */
  isDueSoon: boolean;
};

export function evaluateActionItem(
  item: Pick<ActionItem, 'status' | 'dueDate'>,
  now: Date,
  opts: { dueSoonDays?: number } = {},
): ActionItemEvaluation {
  const isOpen = OPEN_ITEM_STATUSES.includes(item.status);
  const due = dueInstant(item.dueDate).getTime();
  const left = due - now.getTime();
  const isOverdue = isOpen && left <= 0;
  return {
    isOpen,
    isOverdue,
    dueAt: iso(new Date(due)),
    msUntilDue: isOpen ? left : null,
    daysOverdue: isOverdue ? Math.floor((now.getTime() - due) / DAY_MS) : 0,
    isDueSoon: isOpen && !isOverdue && left <= (opts.dueSoonDays ?? 7) * DAY_MS,
  };
}
