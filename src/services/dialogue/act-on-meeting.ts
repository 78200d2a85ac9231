// Use case: change a meeting — edit it, mark it held, agree its minutes, cancel it — through the
// meeting state machine, stored with its history in one transaction.
import { validationError } from '../../errors.js';
import type { MeetingAction, MeetingActionParams } from '../../domain/dialogue/index.js';
import { applyMeetingAction } from '../../domain/dialogue/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { issue } from '../../domain/shared/bilingual.js';
import { listActionItems } from '../../storage/repositories/action-item.repository.js';
import { updateMeeting } from '../../storage/repositories/meeting.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { loadMeeting, viewMeeting, type MeetingView } from './dialogue-view.js';

export type MeetingActionInput = { action: MeetingAction } & MeetingActionParams;

export async function actOnMeeting(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: MeetingActionInput,
): Promise<MeetingView> {
  const { action, ...params } = input;
  // Taking this node's own party off a meeting would hide it from the people editing it.
  if (params.changes?.parties && !params.changes.parties.includes(actor.partyId)) {
    throw validationError(
      [
        issue(
          'changes.parties',
          'own_party_required',
          'Your own party must stay among the parties.',
          '本方必须保留在参会方中。',
        ),
      ],
      'DIALOGUE_VALIDATION_FAILED',
    );
  }
  const now = ctx.clock();
  const meeting = await ctx.db.transaction(async (tx) => {
    const before = await loadMeeting(tx, actor, id, true);
    const { record, events } = applyMeetingAction(before, action, actor, now, params);
    await updateMeeting(tx, record, before.version);
    await recordChange(
      tx,
      { actor, subjectType: 'meeting', subjectId: id, events, auditData: { status: record.status } },
      now,
    );
    return record;
  });
  const items = await listActionItems(ctx.db, { party: actor.partyId, meetingIds: [id], limit: 1000, offset: 0 });
  return viewMeeting(meeting, items, actor, now);
}
