// Use case: one meeting with its agreed outcomes, action items, progress and full history.
import type { Outcome } from '../../domain/dialogue/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { listActionItems } from '../../storage/repositories/action-item.repository.js';
import { listOutcomes } from '../../storage/repositories/meeting.repository.js';
import { listRecordEvents, type RecordEventRow } from '../../storage/repositories/record-event.repository.js';
import type { ServiceContext } from '../context.js';
import { loadMeeting, viewActionItem, viewMeeting, type ActionItemView, type MeetingView } from './dialogue-view.js';

export type MeetingDetail = MeetingView & {
  outcomes: Outcome[];
  actionItems: ActionItemView[];
  history: RecordEventRow[];
};

export async function getMeeting(ctx: ServiceContext, actor: Actor, id: string): Promise<MeetingDetail> {
  const now = ctx.clock();
  const meeting = await loadMeeting(ctx.db, actor, id);
  const outcomes = await listOutcomes(ctx.db, id);
  const items = await listActionItems(ctx.db, { party: actor.partyId, meetingIds: [id], limit: 100_000, offset: 0 });
  // One timeline for the meeting: its own events, its outcomes' and its action items'.
  const history = [
    ...(await listRecordEvents(ctx.db, 'meeting', [id])),
    ...(await listRecordEvents(
      ctx.db,
      'meeting_outcome',
      outcomes.map((o) => o.id),
    )),
    ...(await listRecordEvents(
      ctx.db,
      'action_item',
      items.map((i) => i.id),
    )),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  return {
    ...viewMeeting(meeting, items, actor, now),
    outcomes,
    actionItems: items.map((i) => viewActionItem(i, actor, now)),
    history,
  };
}
