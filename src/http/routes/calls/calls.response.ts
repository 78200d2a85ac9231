// What the hotline and roster routes answer with, as zod schemas: Fastify serialises through them (only
// these fields leave the node) and the OpenAPI document — and so the web client's types — come from them.
import { z } from 'zod';
import {
  CALL_ACTIONS,
  CALL_LANGUAGES,
  CALL_URGENCIES,
  CONTACT_LOG_KINDS,
  ESCALATION_ROLES,
} from '../../../domain/call/index.js';
import { ZCallRecord } from '../../../domain/call/record-schema.js';
import { CRIME_CATEGORIES } from '../../../domain/shared/crime-categories.js';
import { REQUEST_TYPES } from '../../../domain/request/types.js';
import { ZBilingualSchema, ZIssueSchema } from '../common.schema.js';

const ZLabels = z.record(z.string(), ZBilingualSchema);
const ZEscalationLevel = z.union([z.literal(0), z.literal(1), z.literal(2)]);

export const ZCallMetaSchema = z
  .object({
    topics: ZLabels,
    urgencies: ZLabels,
    statuses: ZLabels,
    escalationRoles: ZLabels,
    contactLogKinds: ZLabels,
    defaultAckMinutes: z.record(z.string(), z.number()),
  })
  .meta({ id: 'CallMeta' });

export const ZCallClockSchema = z
  .object({
    isAwaitingAck: z.boolean(),
    isOverdue: z.boolean(),
    overdueByMs: z.number(),
    timeLeftMs: z.number().nullable(),
    ackDueAt: z.string(),
    escalationLevel: ZEscalationLevel,
    escalationRole: z.enum(ESCALATION_ROLES),
    nextEscalationAt: z.string().nullable(),
    isProminent: z.boolean(),
    timeToAcknowledgeMs: z.number().nullable(),
    acknowledgedLate: z.boolean().nullable(),
  })
  .meta({ id: 'CallClock' });

export const ZCallViewSchema = ZCallRecord.extend({
  exerciseId: z.string().nullable(),
  direction: z.enum(['outgoing', 'incoming']),
  clock: ZCallClockSchema,
  allowedActions: z.array(z.enum(CALL_ACTIONS)),
}).meta({ id: 'CallView' });

export const ZContactLogEntrySchema = z
  .object({
    at: z.string(),
    direction: z.enum(['in', 'out']),
    kind: z.enum(CONTACT_LOG_KINDS),
    by: z.string(),
    text: z.string(),
    label: ZBilingualSchema,
  })
  .meta({ id: 'ContactLogEntry' });

export const ZCallDetailSchema = ZCallViewSchema.extend({ contactLog: z.array(ZContactLogEntrySchema) }).meta({
  id: 'CallDetail',
});

const ZCallback = z.object({
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  timeZone: z.string(),
});

export const ZCallRequestDraftSchema = z
  .object({
    requestType: z.enum(REQUEST_TYPES),
    requestingParty: z.string(),
    requestedParty: z.string(),
    subject: ZBilingualSchema,
    facts: z.string(),
    factsLanguage: z.enum(CALL_LANGUAGES),
    urgency: z.enum(CALL_URGENCIES),
    crimeCategory: z.enum(CRIME_CATEGORIES),
    contactOfficer: ZCallback,
    sourceCallId: z.string(),
    sourceCallReference: z.string(),
  })
  .meta({ id: 'CallRequestDraft' });

export const ZCallCaseDraftSchema = z
  .object({
    title: ZBilingualSchema,
    crimeCategories: z.array(z.enum(CRIME_CATEGORIES)),
    leadParty: z.string(),
    participatingParties: z.array(z.string()),
    summary: z.string(),
    summaryLanguage: z.enum(CALL_LANGUAGES),
    urgency: z.enum(CALL_URGENCIES),
    linkedCallIds: z.array(z.string()),
    sourceCallReference: z.string(),
  })
  .meta({ id: 'CallCaseDraft' });

const ZZonedSpan = z.object({ timeZone: z.string(), start: z.string(), end: z.string() }).meta({ id: 'ZonedSpan' });

export const ZShiftSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    role: z.enum(ESCALATION_ROLES),
    start: z.string(),
    end: z.string(),
    timeZone: z.string(),
    officer: z.object({ name: z.string(), timeZone: z.string() }).nullable(),
    durationMs: z.number(),
    crossesOffsetChange: z.boolean(),
    shiftZone: ZZonedSpan,
    viewerZone: ZZonedSpan,
  })
  .meta({ id: 'Shift' });

export const ZSavedShiftSchema = z
  .object({ shift: ZShiftSchema, warnings: z.array(ZIssueSchema) })
  .meta({ id: 'SavedShift' });

export const ZRosterSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    viewerTimeZone: z.string(),
    shifts: z.array(ZShiftSchema),
    gaps: z.record(z.string(), z.array(z.object({ start: z.string(), end: z.string() }))),
  })
  .meta({ id: 'Roster' });

export const ZOnDutySchema = z
  .object({
    at: z.string(),
    viewerTimeZone: z.string(),
    viewerTimeNow: z.string(),
    onDuty: z.record(z.string(), z.array(ZShiftSchema.extend({ localTimeNow: z.string() }))),
  })
  .meta({ id: 'OnDuty' });
