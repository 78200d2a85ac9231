// Agreed outcomes of a held meeting. They are part of the minutes, so recording or amending one
// voids any agreement a party already gave to the minutes.
import { AppError, validationError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import { actorLabel } from '../shared/actor.js';
import { voidMinuteAgreements } from './meeting.js';
import { requireDialogueAccess } from './policy.js';
import { performedBy } from './relay.js';
import type { DialogueEvent, Meeting, Outcome, RelayParams } from './types.js';
import type { OutcomeInput } from './validation.js';
import { validateOutcome } from './validation.js';

export type OutcomeResult = { record: Outcome; meeting: Meeting; events: DialogueEvent[] };

function requireHeld(meeting: Meeting, action: string): void {
  if (meeting.status !== 'held') {
    throw new AppError('DIALOGUE_INVALID_TRANSITION', {
      details: { meetingId: meeting.id, status: meeting.status, action, allowed: [] },
    });
  }
}

function validated(input: OutcomeInput): OutcomeInput {
  const issues = validateOutcome(input);
  if (issues.length > 0) throw validationError(issues, 'DIALOGUE_VALIDATION_FAILED');
  return { text: { en: input.text.en.trim(), zh: input.text.zh.trim() } };
}

export function recordOutcome(
  meeting: Meeting,
  input: OutcomeInput,
  actor: Actor,
  now: Date,
  opts: { id: string } & RelayParams,
): OutcomeResult {
  requireDialogueAccess(actor, 'record_outcome', meeting);
  requireHeld(meeting, 'record_outcome');
  const { text } = validated(input);
  const { by, at } = performedBy(actor, opts, now);
  const record: Outcome = {
    id: opts.id,
    meetingId: meeting.id,
    text,
    parties: [...meeting.parties],
    recordedBy: by,
    recordedAt: at,
    updatedAt: at,
    version: 1,
  };
  const events: DialogueEvent[] = [
    {
      type: 'dialogue.outcome_recorded',
      at,
      actorLabel: actorLabel(actor),
      data: { meetingId: meeting.id, originParty: actor.partyId, by, outcomeId: record.id, text },
    },
  ];
  return { record, meeting: voidMinuteAgreements(meeting, at), events };
}

export function amendOutcome(
  meeting: Meeting,
  outcome: Outcome,
  input: OutcomeInput,
  actor: Actor,
  now: Date,
  params: RelayParams = {},
): OutcomeResult {
  if (outcome.meetingId !== meeting.id) {
    throw new AppError('DIALOGUE_OUTCOME_NOT_FOUND', { details: { outcomeId: outcome.id, meetingId: meeting.id } });
  }
  requireDialogueAccess(actor, 'amend_outcome', meeting);
  requireHeld(meeting, 'amend_outcome');
  const { text } = validated(input);
  const { by, at } = performedBy(actor, params, now);
  const record: Outcome = { ...outcome, text, updatedAt: at, version: outcome.version + 1 };
  const events: DialogueEvent[] = [
    {
      type: 'dialogue.outcome_amended',
      at,
      actorLabel: actorLabel(actor),
      data: {
        meetingId: meeting.id,
        originParty: actor.partyId,
        by,
        outcomeId: outcome.id,
        previous: outcome.text,
        text,
      },
    },
  ];
  return { record, meeting: voidMinuteAgreements(meeting, at), events };
}
