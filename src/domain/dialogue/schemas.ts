// Zod shapes of the dialogue area's inputs, reused by the HTTP layer for validation and OpenAPI.
// Cross-field rules (one participant per party, due date after the meeting) live in validation.ts.
import { z } from 'zod';
import { ruleMessage } from '../shared/bilingual.js';
import { MEETING_KINDS } from './types.js';
import { AGENDA_MAX_ITEMS, NAME_MAX, REASON_MAX, TEXT_MAX, TITLE_MAX } from './validation.js';

const instant = z.iso.datetime({ offset: true });
const bilingual = (max: number) =>
  z.object({ en: z.string().trim().min(1).max(max), zh: z.string().trim().min(1).max(max) });
const relay = { relayedBy: z.string().trim().min(1).max(NAME_MAX).optional(), relayedAt: instant.optional() };

export const ZBilingualTitleSchema = bilingual(TITLE_MAX);

export const ZParticipantSchema = z.object({
  party: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(NAME_MAX),
  title: z.string().trim().max(NAME_MAX).nullable().default(null),
});
export type TParticipant = z.infer<typeof ZParticipantSchema>;

const meetingFields = {
  title: bilingual(TITLE_MAX),
  kind: z.enum(MEETING_KINDS),
  startsAt: instant,
  endsAt: instant,
  location: z.string().trim().max(TITLE_MAX).nullable(),
  parties: z.array(z.string().min(1).max(100)).min(2),
  participants: z.array(ZParticipantSchema).min(1),
  agenda: z.array(bilingual(TITLE_MAX)).max(AGENDA_MAX_ITEMS),
};

export const ZMeetingInputSchema = z.object({
  ...meetingFields,
  location: meetingFields.location.default(null),
  agenda: meetingFields.agenda.default([]),
});
export type TMeetingInput = z.infer<typeof ZMeetingInputSchema>;

export const ZMeetingActionSchema = z.discriminatedUnion('action', [
  // No defaults here: a field left out of an update must stay as it is, not be reset.
  z.object({ action: z.literal('update'), changes: z.object(meetingFields).partial(), ...relay }),
  z.object({ action: z.literal('mark_held'), ...relay }),
  z.object({ action: z.literal('agree_minutes'), ...relay }),
  z.object({ action: z.literal('cancel'), reason: z.string().trim().min(1).max(REASON_MAX), ...relay }),
]);
export type TMeetingAction = z.infer<typeof ZMeetingActionSchema>;

export const ZOutcomeInputSchema = z.object({ text: bilingual(TEXT_MAX) });
export type TOutcomeInput = z.infer<typeof ZOutcomeInputSchema>;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, ruleMessage('Enter a date.', '请输入日期。'));

export const ZActionItemInputSchema = z.object({
  outcomeId: z.string().min(1).nullable().optional(),
  title: bilingual(TITLE_MAX),
  ownerParty: z.string().min(1).max(100),
  ownerName: z.string().trim().min(1).max(NAME_MAX),
  dueDate: date,
});
export type TActionItemInput = z.infer<typeof ZActionItemInputSchema>;

export const ZActionItemActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('update'), changes: ZActionItemInputSchema.partial(), ...relay }),
  z.object({ action: z.literal('start'), ...relay }),
  z.object({ action: z.literal('complete'), text: z.string().trim().max(TEXT_MAX).optional(), ...relay }),
  z.object({ action: z.literal('drop'), reason: z.string().trim().min(1).max(REASON_MAX), ...relay }),
  z.object({ action: z.literal('reopen'), reason: z.string().trim().min(1).max(REASON_MAX), ...relay }),
  z.object({ action: z.literal('note'), text: z.string().trim().min(1).max(TEXT_MAX), ...relay }),
]);
export type TActionItemAction = z.infer<typeof ZActionItemActionSchema>;
