// Use case: plan a meeting of the dialogue mechanism with its parties, participants and agenda (docs/spec.md §8.1).
import type { MeetingInput } from '../../domain/dialogue/index.js';
import { createMeeting as decideCreateMeeting } from '../../domain/dialogue/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import { insertMeeting } from '../../storage/repositories/meeting.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { viewMeeting, type MeetingView } from './dialogue-view.js';

export async function createMeeting(ctx: ServiceContext, actor: Actor, input: MeetingInput): Promise<MeetingView> {
  const now = ctx.clock();
  const { record, events } = decideCreateMeeting(input, actor, now, { id: newId() });
  await ctx.db.transaction(async (tx) => {
    await insertMeeting(tx, record);
    await recordChange(
      tx,
      { actor, subjectType: 'meeting', subjectId: record.id, events, auditData: { status: record.status } },
      now,
    );
  });
  return viewMeeting(record, [], actor, now);
}
