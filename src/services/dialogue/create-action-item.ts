// Use case: record an action item agreed at a held meeting, with its owner and due date; its
// overdue clock starts with it.
import type { ActionItemInput } from '../../domain/dialogue/index.js';
import { createActionItem as decideCreateActionItem } from '../../domain/dialogue/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import { insertActionItem } from '../../storage/repositories/action-item.repository.js';
import { listOutcomes } from '../../storage/repositories/meeting.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import {
  loadMeeting,
  nextItemCheckAt,
  requireDueDateInRange,
  viewActionItem,
  type ActionItemView,
} from './dialogue-view.js';

export async function createActionItem(
  ctx: ServiceContext,
  actor: Actor,
  meetingId: string,
  input: ActionItemInput,
): Promise<ActionItemView> {
  requireDueDateInRange(input.dueDate);
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    // Locked so a concurrent cancel or edit of the meeting cannot slip in between check and insert.
    const meeting = await loadMeeting(tx, actor, meetingId, true);
    const outcomeIds = (await listOutcomes(tx, meetingId)).map((o) => o.id);
    const { record, events } = decideCreateActionItem(meeting, input, actor, now, { id: newId(), outcomeIds });
    await insertActionItem(tx, record, nextItemCheckAt(record));
    await recordChange(
      tx,
      { actor, subjectType: 'action_item', subjectId: record.id, events, auditData: { meetingId } },
      now,
    );
    return viewActionItem(record, actor, now);
  });
}
