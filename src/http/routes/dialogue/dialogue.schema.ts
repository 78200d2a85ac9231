// HTTP shapes for the dialogue mechanism: the domain's schemas plus list filters.
import { z } from 'zod';
import { ACTION_ITEM_STATUSES, MEETING_STATUSES, ZMeetingActionSchema } from '../../../domain/dialogue/index.js';

/** An instant a query may name; years beyond 9000 would overflow date arithmetic and storage. */
const instant = z.iso.datetime({ offset: true })
  .refine((v) => { const y = new Date(v).getUTCFullYear(); return y >= 1900 && y <= 9000; }, 'year must lie between 1900 and 9000');
const commaList = (values: readonly string[], what: string) =>
  z.string().max(400).optional().describe(`comma-separated ${what}`)
    .refine((v) => !v || v.split(',').every((s) => values.includes(s)), `unknown ${what}`);

export function splitList<T extends string>(value: string | undefined): T[] | undefined {
  return value ? (value.split(',') as T[]) : undefined;
}

const page = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
};

export const ZMeetingListQuerySchema = z.object({
  status: commaList(MEETING_STATUSES, 'statuses'), from: instant.optional(), to: instant.optional(), ...page,
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
