// The stored shapes of the dialogue mechanism (meetings, outcomes, action items) as zod schemas,
// checked against the types at compile time, with their upgrade chains (docs/architecture.md, "Storage").
import { z } from 'zod';
import { ZBilingual } from '../shared/record-schema-parts.js';
import { sameType, type SameType } from '../shared/same-type.js';
import { storedDocument } from '../shared/stored-document.js';
import {
  ACTION_ITEM_STATUSES,
  MEETING_KINDS,
  MEETING_STATUSES,
  type ActionItem,
  type Meeting,
  type Outcome,
} from './types.js';

const nullableString = z.string().nullable();

export const ZMeeting = z.object({
  id: z.string(),
  title: ZBilingual,
  kind: z.enum(MEETING_KINDS),
  startsAt: z.string(),
  endsAt: z.string(),
  location: nullableString,
  parties: z.array(z.string()),
  participants: z.array(z.object({ party: z.string(), name: z.string(), title: nullableString })),
  agenda: z.array(ZBilingual),
  status: z.enum(MEETING_STATUSES),
  heldAt: nullableString,
  minutesAgreedBy: z.array(z.string()),
  minutesAgreedAt: nullableString,
  cancelledAt: nullableString,
  cancelReason: nullableString,
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
sameType<SameType<z.infer<typeof ZMeeting>, Meeting>>(true);
export const MEETING_DOCUMENT = storedDocument<Meeting>('meeting', ZMeeting);

export const ZOutcome = z.object({
  id: z.string(),
  meetingId: z.string(),
  text: ZBilingual,
  parties: z.array(z.string()),
  recordedBy: z.string(),
  recordedAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
sameType<SameType<z.infer<typeof ZOutcome>, Outcome>>(true);
export const OUTCOME_DOCUMENT = storedDocument<Outcome>('meeting outcome', ZOutcome);

export const ZActionItem = z.object({
  id: z.string(),
  meetingId: z.string(),
  outcomeId: nullableString,
  title: ZBilingual,
  ownerParty: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.enum(ACTION_ITEM_STATUSES),
  dropReason: nullableString,
  parties: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: nullableString,
  completedAt: nullableString,
  droppedAt: nullableString,
  reopenedAt: nullableString,
  reopenCount: z.number().int(),
  updatedAt: z.string(),
  version: z.number().int(),
});
sameType<SameType<z.infer<typeof ZActionItem>, ActionItem>>(true);
export const ACTION_ITEM_DOCUMENT = storedDocument<ActionItem>('action item', ZActionItem);
