// HTTP shapes for the dialogue mechanism: the domain's schemas plus list filters.
import { z } from 'zod';
import { commaList, ZInstantSchema } from '../common.schema.js';
import { ACTION_ITEM_STATUSES, MEETING_STATUSES, ZMeetingActionSchema } from '../../../domain/dialogue/index.js';

const page = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
};

export const ZMeetingListQuerySchema = z.object({
  status: commaList(MEETING_STATUSES, 'statuses'),
  from: ZInstantSchema.optional(),
  to: ZInstantSchema.optional(),
  ...page,
});

export const ZActionItemListQuerySchema = z.object({
  meetingId: z.uuid().optional(),
  status: commaList(ACTION_ITEM_STATUSES, 'statuses'),
  ownerParty: z.string().max(100).optional(),
  overdue: z.enum(['true', 'false']).optional().describe('only open items past their due date'),
  ...page,
});

/** PATCH body of a meeting: the fields to change (the domain's `update` action, without defaults). */
export const ZMeetingChangesSchema = ZMeetingActionSchema.options[0].shape.changes;
