// HTTP shapes for the hotline: the domain's schemas plus list filters, incoming-call entry and roster queries.
import { z } from 'zod';
import { PARTY_ID } from '../common.schema.js';
import { commaList, ZInstantSchema } from '../common.schema.js';
import {
  CALL_STATUSES,
  CALL_URGENCIES,
  ZCallActionSchema,
  ZPlaceCallSchema,
  ZShiftInputSchema,
  ZShiftLocalInputSchema,
} from '../../../domain/call/index.js';

export const ZCallListQuerySchema = z.object({
  status: commaList(CALL_STATUSES, 'statuses'),
  urgency: commaList(CALL_URGENCIES, 'urgencies'),
  direction: z.enum(['outgoing', 'incoming']).optional(),
  overdue: z.enum(['true', 'false']).optional().describe('only calls past their acknowledgement deadline'),
  exercise: z
    .union([z.uuid(), z.literal('running')])
    .optional()
    .describe(
      'only the calls of this tabletop exercise; `running`: real calls plus those of exercises running now (marked by exerciseId); left out otherwise',
    ),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** A call taken off-platform (by phone): who called from which party, and when it was received. */
export const ZRecordIncomingCallSchema = ZPlaceCallSchema.omit({ toParty: true }).extend({
  fromParty: z
    .string()
    .min(2)
    .max(100)
    .regex(/^[a-z0-9][a-z0-9-]*$/, PARTY_ID),
  receivedAt: ZInstantSchema.optional().describe('when the call was taken; defaults to now'),
  callerName: z.string().trim().min(1).max(200).optional().describe('who called, if not the callback contact'),
});

export const ZCallActionBodySchema = ZCallActionSchema;

const zone = z.string().min(1).max(64).optional().describe('IANA zone to show times in; defaults to your own');

export const ZRosterQuerySchema = z.object({
  from: ZInstantSchema.optional(),
  to: ZInstantSchema.optional(),
  viewerTimeZone: zone,
});
export const ZOnDutyQuerySchema = z.object({ at: ZInstantSchema.optional(), viewerTimeZone: zone });

/** A shift as UTC instants, or as local wall times in its zone. */
export const ZShiftBodySchema = z.union([ZShiftInputSchema, ZShiftLocalInputSchema]);

export const ZShiftPatchSchema = ZShiftInputSchema.partial().extend({
  localStart: ZShiftLocalInputSchema.shape.localStart.optional(),
  localEnd: ZShiftLocalInputSchema.shape.localEnd.optional(),
});
