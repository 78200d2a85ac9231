// Meetings of the mechanism: planned → held → minutes_agreed, or cancelled while planned.
import type { Bilingual } from '../../error-types.js';
import { AppError, validationError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import { actorLabel } from '../shared/actor.js';
import { issue } from '../shared/bilingual.js';
import type { DialoguePolicyAction } from './policy.js';
import { canDialogue, requireDialogueAccess } from './policy.js';
import { performedBy } from './relay.js';
import type { DialogueEvent, Meeting, MeetingStatus, RelayParams } from './types.js';
import type { MeetingInput } from './validation.js';
import { REASON_MAX, validateMeeting, validateText } from './validation.js';

export const MEETING_ACTIONS = ['update', 'mark_held', 'agree_minutes', 'cancel'] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

export type MeetingActionParams = RelayParams & {
  /** For update: the fields to change. */
  changes?: Partial<MeetingInput>;
  /** For cancel. */
  reason?: string;
};

export const MEETING_TRANSITIONS: Readonly<Record<MeetingStatus, readonly MeetingAction[]>> = {
  planned: ['update', 'mark_held', 'cancel'],
  // After the meeting the record is corrected (who actually came, agenda as discussed) until
  // every party has agreed the minutes; then it is final.
  held: ['update', 'agree_minutes'],
  minutes_agreed: [],
  cancelled: [],
};

const POLICY_OF: Record<MeetingAction, DialoguePolicyAction> = {
  update: 'update_meeting',
  mark_held: 'mark_held',
  agree_minutes: 'agree_minutes',
  cancel: 'cancel_meeting',
};

export type MeetingResult = { record: Meeting; events: DialogueEvent[] };

const trimBi = (b: Bilingual): Bilingual => ({ en: b.en.trim(), zh: b.zh.trim() });

function normalise(input: MeetingInput): MeetingInput {
  return {
    title: trimBi(input.title),
    kind: input.kind,
    startsAt: new Date(input.startsAt).toISOString(),
    endsAt: new Date(input.endsAt).toISOString(),
    location: input.location?.trim() || null,
    parties: [...input.parties],
    participants: input.participants.map((p) => ({
      party: p.party,
      name: p.name.trim(),
      title: p.title?.trim() || null,
    })),
    agenda: input.agenda.map(trimBi),
  };
}

function event(
  type: string,
  meeting: Meeting,
  actor: Actor,
  by: string,
  at: string,
  data: Record<string, unknown> = {},
): DialogueEvent {
  return {
    type,
    at,
    actorLabel: actorLabel(actor),
    data: { meetingId: meeting.id, originParty: actor.partyId, by, ...data },
  };
}

export function createMeeting(
  input: MeetingInput,
  actor: Actor,
  now: Date,
  opts: { id: string } & RelayParams,
): MeetingResult {
  requireDialogueAccess(actor, 'create_meeting', { parties: Array.isArray(input.parties) ? input.parties : [] });
  const issues = validateMeeting(input);
  if (issues.length > 0) throw validationError(issues, 'DIALOGUE_VALIDATION_FAILED');
  const { by, at } = performedBy(actor, opts, now);
  const record: Meeting = {
    id: opts.id,
    ...normalise(input),
    status: 'planned',
    heldAt: null,
    minutesAgreedBy: [],
    minutesAgreedAt: null,
    cancelledAt: null,
    cancelReason: null,
    createdBy: by,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  return {
    record,
    events: [
      event('dialogue.meeting_created', record, actor, by, at, { title: record.title, startsAt: record.startsAt }),
    ],
  };
}

export function applyMeetingAction(
  meeting: Meeting,
  action: MeetingAction,
  actor: Actor,
  now: Date,
  params: MeetingActionParams = {},
): MeetingResult {
  if (!MEETING_ACTIONS.includes(action)) {
    throw validationError(
      [issue('action', 'unknown_action', 'Unknown action.', '未知操作。')],
      'DIALOGUE_VALIDATION_FAILED',
    );
  }
  requireDialogueAccess(actor, POLICY_OF[action], meeting);
  const allowed = MEETING_TRANSITIONS[meeting.status];
  if (!allowed.includes(action)) {
    throw new AppError('DIALOGUE_INVALID_TRANSITION', {
      details: { meetingId: meeting.id, status: meeting.status, action, allowed },
    });
  }
  const { by, at } = performedBy(actor, params, now);
  const bump = (patch: Partial<Meeting>): Meeting => ({
    ...meeting,
    ...patch,
    updatedAt: at,
    version: meeting.version + 1,
  });

  switch (action) {
    case 'update': {
      const changes = Object.fromEntries(
        Object.entries(params.changes ?? {}).filter(([, v]) => v !== undefined),
      ) as Partial<MeetingInput>;
      if (Object.keys(changes).length === 0) {
        throw validationError(
          [issue('changes', 'empty', 'Nothing to change.', '没有需要修改的内容。')],
          'DIALOGUE_VALIDATION_FAILED',
        );
      }
      if (changes.parties && meeting.status !== 'planned' && changes.parties.join() !== meeting.parties.join()) {
        // Outcomes and action items are already shared with the parties that met.
        throw validationError(
          [
            issue(
              'parties',
              'fixed_after_held',
              'Parties cannot change once the meeting was held.',
              '会议举行后不能更改参会方。',
            ),
          ],
          'DIALOGUE_VALIDATION_FAILED',
        );
      }
      const merged: MeetingInput = { ...meeting, ...changes };
      const issues = validateMeeting(merged);
      if (issues.length > 0) throw validationError(issues, 'DIALOGUE_VALIDATION_FAILED');
      // Any change voids agreements given to the previous text.
      const record = bump({ ...normalise(merged), minutesAgreedBy: [] });
      return {
        record,
        events: [event('dialogue.meeting_updated', record, actor, by, at, { fields: Object.keys(changes) })],
      };
    }
    case 'mark_held': {
      if (Date.parse(at) < Date.parse(meeting.startsAt)) {
        throw new AppError('DIALOGUE_MEETING_NOT_STARTED', {
          details: { meetingId: meeting.id, startsAt: meeting.startsAt },
        });
      }
      const record = bump({ status: 'held', heldAt: at });
      return { record, events: [event('dialogue.meeting_held', record, actor, by, at)] };
    }
    case 'agree_minutes': {
      if (meeting.minutesAgreedBy.includes(actor.partyId)) {
        throw new AppError('DIALOGUE_MINUTES_ALREADY_AGREED', {
          details: { meetingId: meeting.id, party: actor.partyId },
        });
      }
      const agreedBy = [...meeting.minutesAgreedBy, actor.partyId];
      const complete = meeting.parties.every((p) => agreedBy.includes(p));
      const record = bump({
        minutesAgreedBy: agreedBy,
        ...(complete ? { status: 'minutes_agreed' as const, minutesAgreedAt: at } : {}),
      });
      const events = [event('dialogue.minutes_agreed_by_party', record, actor, by, at, { party: actor.partyId })];
      if (complete) events.push(event('dialogue.minutes_agreed', record, actor, by, at, { parties: record.parties }));
      return { record, events };
    }
    case 'cancel': {
      const issues = validateText('reason', params.reason, REASON_MAX, true);
      if (issues.length > 0) throw validationError(issues, 'DIALOGUE_VALIDATION_FAILED');
      const reason = String(params.reason).trim();
      const record = bump({ status: 'cancelled', cancelledAt: at, cancelReason: reason });
      return { record, events: [event('dialogue.meeting_cancelled', record, actor, by, at, { reason })] };
    }
  }
}

/** Actions `actor` may take now, by state, policy and clock (a meeting not yet begun cannot be held). */
export function allowedMeetingActions(meeting: Meeting, actor: Actor, now: Date): MeetingAction[] {
  return MEETING_TRANSITIONS[meeting.status].filter((action) => {
    if (!canDialogue(actor, POLICY_OF[action], meeting)) return false;
    if (action === 'mark_held') return now.getTime() >= Date.parse(meeting.startsAt);
    if (action === 'agree_minutes') return !meeting.minutesAgreedBy.includes(actor.partyId);
    return true;
  });
}

/** Resets minute agreements after a change to what the minutes contain (outcomes). */
export function voidMinuteAgreements(meeting: Meeting, at: string): Meeting {
  if (meeting.minutesAgreedBy.length === 0) return meeting;
  return { ...meeting, minutesAgreedBy: [], updatedAt: at, version: meeting.version + 1 };
}
