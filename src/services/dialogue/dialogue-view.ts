// Shared pieces of the dialogue use cases: loading a record the actor's party takes part in, and
// what a meeting or action item looks like to a reader (clock, progress, open actions).
import { AppError, validationError } from '../../errors.js';
import { issue } from '../../domain/shared/bilingual.js';
import type {
  ActionItem,
  ActionItemAction,
  ActionItemEvaluation,
  Meeting,
  MeetingAction,
  MeetingProgress,
} from '../../domain/dialogue/index.js';
import {
  allowedActionItemActions,
  allowedMeetingActions,
  canDialogue,
  dueInstant,
  evaluateActionItem,
  OPEN_ITEM_STATUSES,
  summarizeMeetingProgress,
} from '../../domain/dialogue/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { Queryable } from '../../storage/db.js';
import { findActionItem } from '../../storage/repositories/action-item.repository.js';
import { findMeeting } from '../../storage/repositories/meeting.repository.js';

export type MeetingView = { meeting: Meeting; allowedActions: MeetingAction[]; progress: MeetingProgress };
export type ActionItemView = { item: ActionItem; clock: ActionItemEvaluation; allowedActions: ActionItemAction[] };

/** A record of a mechanism the actor's party is not part of does not exist for it. */
export async function loadMeeting(db: Queryable, actor: Actor, id: string, forUpdate = false): Promise<Meeting> {
  const meeting = await findMeeting(db, id, forUpdate);
  if (!meeting || !canDialogue(actor, 'view', meeting))
    throw new AppError('DIALOGUE_MEETING_NOT_FOUND', { details: { id } });
  return meeting;
}

export async function loadActionItem(db: Queryable, actor: Actor, id: string, forUpdate = false): Promise<ActionItem> {
  const item = await findActionItem(db, id, forUpdate);
  if (!item || !canDialogue(actor, 'view', item))
    throw new AppError('DIALOGUE_ACTION_ITEM_NOT_FOUND', { details: { id } });
  return item;
}

/** Due dates past year 9000 are typing errors, and their instants would overflow storage. */
export function requireDueDateInRange(dueDate: unknown): void {
  if (typeof dueDate === 'string' && dueDate > '9000-12-31') {
    throw validationError(
      [issue('dueDate', 'out_of_range', 'The due date is too far in the future.', '截止日期过于遥远。')],
      'DIALOGUE_VALIDATION_FAILED',
    );
  }
}

/** The overdue clock looks at an open item when its due day has ended everywhere. */
export function nextItemCheckAt(item: ActionItem): string | null {
  return OPEN_ITEM_STATUSES.includes(item.status) ? dueInstant(item.dueDate).toISOString() : null;
}

export function viewMeeting(meeting: Meeting, items: readonly ActionItem[], actor: Actor, now: Date): MeetingView {
  return {
    meeting,
    allowedActions: allowedMeetingActions(meeting, actor, now),
    progress: summarizeMeetingProgress(meeting, items, now),
  };
}

export function viewActionItem(item: ActionItem, actor: Actor, now: Date): ActionItemView {
  return { item, clock: evaluateActionItem(item, now), allowedActions: allowedActionItemActions(item, actor) };
}
