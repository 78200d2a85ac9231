// Zod shapes of the call area's inputs, reused by the HTTP layer for validation and OpenAPI.
// Business rules (bilingual issues) stay in validation.ts / roster.ts.
import { z } from 'zod';
import { ruleMessage } from '../shared/bilingual.js';
import { CALL_LANGUAGES, CALL_TOPICS, CALL_URGENCIES, ESCALATION_ROLES } from './topics.js';
import { CALL_STATUSES } from './types.js';
import {
  CALL_ANSWER_MAX,
  CALL_LINK_ID_MAX,
  CALL_MESSAGE_MAX,
  CALL_NAME_MAX,
  CALL_NOTE_MAX,
  CALL_REASON_MAX,
} from './validation.js';

const instant = z.iso.datetime({ offset: true });

export const ZCallCallbackSchema = z.object({
  name: z.string().trim().min(1).max(CALL_NAME_MAX),
  phone: z.string().trim().max(40).nullable().default(null),
  email: z.string().trim().max(254).nullable().default(null),
  timeZone: z.string().min(1).max(64),
});
export type TCallCallback = z.infer<typeof ZCallCallbackSchema>;

/**
 * Placing a call from this node; fromParty is this node's own id, filled in by the service. Blank
 * texts pass the shape: validateNewCall names every missing field at once, in both languages.
 */
export const ZPlaceCallSchema = z.object({
  toParty: z.string().max(100),
  topic: z.enum(CALL_TOPICS),
  urgency: z.enum(CALL_URGENCIES),
  message: z.string().trim().max(CALL_MESSAGE_MAX),
  language: z.enum(CALL_LANGUAGES),
  callback: ZCallCallbackSchema.extend({ name: z.string().trim().max(CALL_NAME_MAX), timeZone: z.string().max(64) }),
});
export type TPlaceCall = z.infer<typeof ZPlaceCallSchema>;

const minutes = z
  .number()
  .int()
  .positive()
  .max(7 * 24 * 60);
export const ZCallAckAgreementSchema = z.object({
  ackMinutes: z
    .object({ emergency: minutes.optional(), urgent: minutes.optional(), routine: minutes.optional() })
    .optional(),
});
export type TCallAckAgreement = z.infer<typeof ZCallAckAgreementSchema>;

const relay = { relayedBy: z.string().trim().min(1).max(CALL_NAME_MAX).optional(), relayedAt: instant.optional() };

export const ZCallActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('deliver'), ...relay }),
  z.object({ action: z.literal('acknowledge'), ...relay }),
  z.object({ action: z.literal('answer'), answer: z.string().trim().min(1).max(CALL_ANSWER_MAX), ...relay }),
  z.object({ action: z.literal('close'), ...relay }),
  z.object({ action: z.literal('cancel'), reason: z.string().trim().max(CALL_REASON_MAX).optional(), ...relay }),
  z.object({ action: z.literal('escalate'), level: z.union([z.literal(1), z.literal(2)]).optional(), ...relay }),
  z.object({ action: z.literal('note'), text: z.string().trim().min(1).max(CALL_NOTE_MAX), ...relay }),
  z.object({ action: z.literal('callback_attempt'), text: z.string().trim().max(CALL_NOTE_MAX).optional(), ...relay }),
  z.object({ action: z.literal('link_request'), requestId: z.string().trim().min(1).max(CALL_LINK_ID_MAX), ...relay }),
  z.object({ action: z.literal('link_case'), caseId: z.string().trim().min(1).max(CALL_LINK_ID_MAX), ...relay }),
]);
export type TCallAction = z.infer<typeof ZCallActionSchema>;

/** A whole call as relayed between nodes (see placeCall's `relay` option). */
export const ZCallRecordSchema = z.object({
  id: z.string().min(1),
  reference: z.string().min(1),
  fromParty: z.string().min(1),
  toParty: z.string().min(1),
  topic: z.enum(CALL_TOPICS),
  urgency: z.enum(CALL_URGENCIES),
  message: z.string().max(CALL_MESSAGE_MAX),
  language: z.enum(CALL_LANGUAGES),
  callback: ZCallCallbackSchema,
  status: z.enum(CALL_STATUSES),
  placedAt: instant,
  placedBy: z.string(),
  ackPeriodMs: z.number().int().positive(),
  ackDueAt: instant,
  deliveredAt: instant.nullable(),
  acknowledgedAt: instant.nullable(),
  acknowledgedBy: z.string().nullable(),
  answeredAt: instant.nullable(),
  answeredBy: z.string().nullable(),
  answer: z.string().max(CALL_ANSWER_MAX).nullable(),
  closedAt: instant.nullable(),
  cancelledAt: instant.nullable(),
  cancelReason: z.string().nullable(),
  escalationLevel: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  escalatedAt: instant.nullable(),
  linkedRequestId: z.string().nullable(),
  linkedCaseId: z.string().nullable(),
  version: z.number().int().positive(),
});
export type TCallRecord = z.infer<typeof ZCallRecordSchema>;

export const ZShiftInputSchema = z.object({
  userId: z.string().min(1),
  role: z.enum(ESCALATION_ROLES),
  start: instant,
  end: instant,
  timeZone: z.string().min(1).max(64),
});
export type TShiftInput = z.infer<typeof ZShiftInputSchema>;

const LOCAL_TIME = ruleMessage('Enter a date and time.', '请输入日期和时间。');

/** Planning a shift in local wall time, e.g. "2025-03-08T20:00" in "America/New_York". */
export const ZShiftLocalInputSchema = z.object({
  userId: z.string().min(1),
  role: z.enum(ESCALATION_ROLES),
  timeZone: z.string().min(1).max(64),
  localStart: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, LOCAL_TIME),
  localEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, LOCAL_TIME),
});
export type TShiftLocalInput = z.infer<typeof ZShiftLocalInputSchema>;
