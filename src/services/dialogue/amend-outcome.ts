// Use case: amend the wording of an agreed outcome while the meeting's minutes are still open.
import { AppError } from '../../errors.js';
import type { Outcome, OutcomeInput } from '../../domain/dialogue/index.js';
import { amendOutcome as decideAmendOutcome, canDialogue } from '../../domain/dialogue/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { findOutcome, updateMeeting, updateOutcome } from '../../storage/repositories/meeting.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { loadMeeting } from './dialogue-view.js';

export async function amendOutcome(
  ctx: ServiceContext,
  actor: Actor,
  outcomeId: string,
  input: OutcomeInput,
): Promise<Outcome> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const found = await findOutcome(tx, outcomeId);
    if (!found || !canDialogue(actor, 'view', found))
      throw new AppError('DIALOGUE_OUTCOME_NOT_FOUND', { details: { id: outcomeId } });
    // Meeting first, then outcome: the same lock order as recording an outcome, so the two never deadlock.
    const meeting = await loadMeeting(tx, actor, found.meetingId, true);
    const outcome = (await findOutcome(tx, outcomeId, true)) ?? found;
    const result = decideAmendOutcome(meeting, outcome, input, actor, now);
    await updateOutcome(tx, result.record, outcome.version);
    if (result.meeting.version !== meeting.version) await updateMeeting(tx, result.meeting, meeting.version);
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'meeting_outcome',
        subjectId: outcomeId,
        events: result.events,
        auditData: { meetingId: meeting.id },
      },
      now,
    );
    return result.record;
  });
}
