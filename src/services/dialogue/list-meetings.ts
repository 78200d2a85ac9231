// Use case: the meetings this party takes part in, each with the progress of its action items.
import type { MeetingStatus } from '../../domain/dialogue/index.js';
import { requireDialogueAccess } from '../../domain/dialogue/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { listActionItems } from '../../storage/repositories/action-item.repository.js';
import { listMeetings as queryMeetings } from '../../storage/repositories/meeting.repository.js';
import type { ServiceContext } from '../context.js';
import { viewMeeting, type MeetingView } from './dialogue-view.js';

export type ListMeetingsInput = { status?: MeetingStatus[]; from?: string; to?: string; limit: number; offset: number };

export async function listMeetings(
  ctx: ServiceContext,
  actor: Actor,
  input: ListMeetingsInput,
): Promise<MeetingView[]> {
  requireDialogueAccess(actor, 'view');
  const now = ctx.clock();
  const meetings = await queryMeetings(ctx.db, { party: actor.partyId, ...input });
  const items =
    meetings.length === 0
      ? []
      : await listActionItems(ctx.db, {
          party: actor.partyId,
          meetingIds: meetings.map((m) => m.id),
          limit: 100_000,
          offset: 0,
        });
  return meetings.map((m) => viewMeeting(m, items, actor, now));
}
