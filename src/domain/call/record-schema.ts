// The stored shapes of a hotline call (CallRecord) and a roster shift (Shift) as zod schemas, checked
// against the types at compile time, with their upgrade chains (docs/architecture.md, "Storage").
import { z } from 'zod';
import { sameType, type SameType } from '../shared/same-type.js';
import { storedDocument } from '../shared/stored-document.js';
import type { Shift } from './roster.js';
import { CALL_LANGUAGES, CALL_TOPICS, CALL_URGENCIES, ESCALATION_ROLES } from './topics.js';
import { CALL_STATUSES, type CallRecord } from './types.js';

const nullableString = z.string().nullable();

export const ZCallRecord = z.object({
  id: z.string(),
  reference: z.string(),
  fromParty: z.string(),
  toParty: z.string(),
  topic: z.enum(CALL_TOPICS),
  urgency: z.enum(CALL_URGENCIES),
  message: z.string(),
  language: z.enum(CALL_LANGUAGES),
  callback: z.object({ name: z.string(), phone: nullableString, email: nullableString, timeZone: z.string() }),
  status: z.enum(CALL_STATUSES),
  placedAt: z.string(),
  placedBy: z.string(),
  ackPeriodMs: z.number(),
  ackDueAt: z.string(),
  deliveredAt: nullableString,
  acknowledgedAt: nullableString,
  acknowledgedBy: nullableString,
  answeredAt: nullableString,
  answeredBy: nullableString,
  answer: nullableString,
  closedAt: nullableString,
  cancelledAt: nullableString,
  cancelReason: nullableString,
  escalationLevel: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  escalatedAt: nullableString,
  linkedRequestId: nullableString,
  linkedCaseId: nullableString,
  exerciseId: nullableString.optional(),
  version: z.number().int(),
});
sameType<SameType<z.infer<typeof ZCallRecord>, CallRecord>>(true);

export const CALL_DOCUMENT = storedDocument<CallRecord>('call', ZCallRecord);

export const ZShift = z.object({
  id: z.string(),
  userId: z.string(),
  role: z.enum(ESCALATION_ROLES),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
});
sameType<SameType<z.infer<typeof ZShift>, Shift>>(true);

export const SHIFT_DOCUMENT = storedDocument<Shift>('roster shift', ZShift);
