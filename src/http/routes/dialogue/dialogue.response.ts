// What the dialogue routes answer with, as zod schemas: Fastify serialises through them (only these
// fields leave the node) and the OpenAPI document — and so the web client's types — come from them.
import { z } from 'zod';
import { ACTION_ITEM_ACTIONS, MEETING_ACTIONS } from '../../../domain/dialogue/index.js';
import { ZActionItem, ZMeeting, ZOutcome } from '../../../domain/dialogue/record-schema.js';
import { ZBilingualSchema } from '../common.schema.js';

const ZLabels = z.record(z.string(), ZBilingualSchema);

export const ZDialogueMetaSchema = z
  .object({
    meetingKinds: ZLabels,
    meetingStatuses: ZLabels,
    actionItemStatuses: ZLabels,
  })
  .meta({ id: 'DialogueMeta' });

const ZProgressCounts = z.object({
  total: z.number(),
  done: z.number(),
  dropped: z.number(),
  open: z.number(),
  inProgress: z.number(),
  overdue: z.number(),
});

export const ZMeetingViewSchema = ZMeeting.extend({
  allowedActions: z.array(z.enum(MEETING_ACTIONS)),
  progress: ZProgressCounts.extend({
    completionRate: z.number().nullable(),
    byParty: z.record(z.string(), ZProgressCounts),
  }),
}).meta({ id: 'MeetingView' });

/** An outcome as shown: the parties it binds are the meeting's, so they are not repeated. */
export const ZOutcomeViewSchema = ZOutcome.omit({ parties: true }).meta({ id: 'OutcomeView' });

export const ZActionItemViewSchema = ZActionItem.extend({
  clock: z.object({
    isOpen: z.boolean(),
    isOverdue: z.boolean(),
    dueAt: z.string(),
    msUntilDue: z.number().nullable(),
    daysOverdue: z.number(),
    isDueSoon: z.boolean(),
  }),
  allowedActions: z.array(z.enum(ACTION_ITEM_ACTIONS)),
}).meta({ id: 'ActionItemView' });

export const ZRecordHistoryEntrySchema = z
  .object({
    id: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    at: z.string(),
    type: z.string(),
    actorLabel: z.string(),
    party: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'MeetingHistoryEntry' });

export const ZMeetingDetailSchema = ZMeetingViewSchema.extend({
  outcomes: z.array(ZOutcomeViewSchema),
  actionItems: z.array(ZActionItemViewSchema),
  history: z.array(ZRecordHistoryEntrySchema),
}).meta({ id: 'MeetingDetail' });
