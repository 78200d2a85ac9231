// Use case: report progress on an action item — edit, start, complete, drop, reopen or note it.
import type { ActionItemAction, ActionItemActionParams } from '../../domain/dialogue/index.js';
import { applyActionItemAction } from '../../domain/dialogue/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { findMeeting, listOutcomes } from '../../storage/repositories/meeting.repository.js';
import { updateActionItem } from '../../storage/repositories/action-item.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import {
  loadActionItem,
  nextItemCheckAt,
  requireDueDateInRange,
  viewActionItem,
  type ActionItemView,
} from './dialogue-view.js';

export type ActionItemActionInput = { action: ActionItemAction } & Omit<
  ActionItemActionParams,
  'meetingStartsAt' | 'outcomeIds'
>;

export async function actOnActionItem(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: ActionItemActionInput,
): Promise<ActionItemView> {
  const { action, ...params } = input;
  requireDueDateInRange(params.changes?.dueDate);
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const item = await loadActionItem(tx, actor, id, true);
    // An edit is checked against its meeting (due date after it, outcome one of its own).
    const context: Pick<ActionItemActionParams, 'meetingStartsAt' | 'outcomeIds'> = {};
    if (action === 'update') {
      context.meetingStartsAt = (await findMeeting(tx, item.meetingId))?.startsAt;
      context.outcomeIds = (await listOutcomes(tx, item.meetingId)).map((o) => o.id);
    }
    const { record, events } = applyActionItemAction(item, action, actor, now, { ...params, ...context });
    // A note only adds to the history; the item itself is unchanged.
    if (record.version !== item.version) await updateActionItem(tx, record, item.version, nextItemCheckAt(record));
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'action_item',
        subjectId: id,
        events,
        auditData: { meetingId: item.meetingId, status: record.status },
      },
      now,
    );
    return viewActionItem(record, actor, now);
  });
}
