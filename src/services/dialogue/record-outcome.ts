// Use case: record an outcome agreed at a held meeting; this voids minute agreements already given.
import type { Outcome, OutcomeInput } from '../../domain/dialogue/index.js';
import { recordOutcome as decideRecordOutcome } from '../../domain/dialogue/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import { insertOutcome, updateMeeting } from '../../storage/repositories/meeting.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { loadMeeting } from './dialogue-view.js';

export async function recordOutcome(
  ctx: ServiceContext,
  actor: Actor,
  meetingId: string,
  input: OutcomeInput,
): Promise<Outcome> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, actor, meetingId, true);
    const result = decideRecordOutcome(meeting, input, actor, now, { id: newId() });
    await insertOutcome(tx, result.record);
    if (result.meeting.version !== meeting.version) await updateMeeting(tx, result.meeting, meeting.version);
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'meeting_outcome',
        subjectId: result.record.id,
        events: result.events,
        auditData: { meetingId },
      },
      now,
    );
    return result.record;
  });
}
