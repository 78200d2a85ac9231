// HTTP shapes for the hotline: the domain's schemas plus list filters, incoming-call entry and roster queries.
import { z } from 'zod';
import {
  CALL_STATUSES, CALL_URGENCIES, ZCallActionSchema, ZPlaceCallSchema, ZShiftInputSchema, ZShiftLocalInputSchema,
} from '../../../domain/call/index.js';

/** An instant a query may name; years beyond 9000 would overflow date arithmetic and storage. */
const instant = z.iso.datetime({ offset: true })
  .refine((v) => { const y = new Date(v).getUTCFullYear(); return y >= 1900 && y <= 9000; }, 'year must lie between 1900 and 9000');
const commaList = (values: readonly string[], what: string) =>
  z.string().max(400).optional().describe(`comma-separated ${what}`)
    .refine((v) => !v || v.split(',').every((s) => values.includes(s)), `unknown ${what}`);

/** Splits a list checked by `commaList`. */
export function splitList<T extends string>(value: string | undefined): T[] | undefined {
  return value ? (value.split(',') as T[]) : undefined;
}

export const ZCallListQuerySchema = z.object({
  status: commaList(CALL_STATUSES, 'statuses'),
  urgency: commaList(CALL_URGENCIES, 'urgencies'),
  direction: z.enum(['outgoing', 'incoming']).optional(),
  overdue: z.enum(['true', 'false']).optional().describe('only calls past their acknowledgement deadline'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** A call taken off-platform (by phone): who called from which party, and when it was received. */
export const ZRecordIncomingCallSchema = ZPlaceCallSchema.omit({ toParty: true }).extend({
  fromParty: z.string().min(2).max(100).regex(/^[a-z0-9][a-z0-9-]*$/, 'a party id such as us-fbi'),
  receivedAt: instant.optional().describe('when the call was taken; defaults to now'),
  callerName: z.string().trim().min(1).max(200).optional().describe('who called, if not the callback contact'),
});

export const ZCallActionBodySchema = ZCallActionSchema;

const zone = z.string().min(1).max(64).optional().describe('IANA zone to show times in; defaults to your own');

export const ZRosterQuerySchema = z.object({ from: instant.optional(), to: instant.optional(), viewerTimeZone: zone });
export const ZOnDutyQuerySchema = z.object({ at: instant.optional(), viewerTimeZone: zone });

/** A shift as UTC instants, or as local wall times in its zone. */
export const ZShiftBodySchema = z.union([ZShiftInputSchema, ZShiftLocalInputSchema]);

export const ZShiftPatchSchema = ZShiftInputSchema.partial().extend({
  localStart: ZShiftLocalInputSchema.shape.localStart.optional(),
  localEnd: ZShiftLocalInputSchema.shape.localEnd.optional(),
});
