// Progress of a meeting's commitments, for the dialogue dashboard and the periodic report.
import { evaluateActionItem } from './clock.js';
import type { ActionItem, Meeting } from './types.js';

export type ProgressCounts = {
  total: number;
  done: number;
  dropped: number;
  open: number;
  inProgress: number;
  overdue: number;
};

export type MeetingProgress = ProgressCounts & {
  meetingId: string;
  /**
   * done / (total − dropped): dropped items were released by agreement, so they count neither
   * for nor against completion. Null when nothing remains to measure.
   */
  completionRate: number | null;
  byParty: Record<string, ProgressCounts>;
};

const empty = (): ProgressCounts => ({ total: 0, done: 0, dropped: 0, open: 0, inProgress: 0, overdue: 0 });

function add(c: ProgressCounts, item: ActionItem, overdue: boolean): void {
  c.total += 1;
  if (item.status === 'done') c.done += 1;
  else if (item.status === 'dropped') c.dropped += 1;
  else if (item.status === 'open') c.open += 1;
  else c.inProgress += 1;
  if (overdue) c.overdue += 1;
}

/** Items of other meetings are ignored, so a caller may pass a whole list. */
export function summarizeMeetingProgress(
  meeting: Pick<Meeting, 'id' | 'parties'>,
  items: readonly ActionItem[],
  now: Date,
): MeetingProgress {
  const totals = empty();
  const byParty: Record<string, ProgressCounts> = Object.fromEntries(meeting.parties.map((p) => [p, empty()]));
  for (const item of items) {
    if (item.meetingId !== meeting.id) continue;
    const overdue = evaluateActionItem(item, now).isOverdue;
    add(totals, item, overdue);
    add((byParty[item.ownerParty] ??= empty()), item, overdue);
  }
  const measured = totals.total - totals.dropped;
  return { meetingId: meeting.id, ...totals, completionRate: measured > 0 ? totals.done / measured : null, byParty };
}
