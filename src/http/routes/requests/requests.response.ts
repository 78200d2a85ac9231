// What the request routes answer with, as zod schemas: Fastify serialises through them (only these
// fields leave the node) and the OpenAPI document — and so the web client's types — come from them.
import { z } from 'zod';
import { REQUEST_ACTIONS, REQUEST_TYPES, URGENCIES } from '../../../domain/request/types.js';
import { ZRequestRecord } from '../../../domain/request/record-schema.js';
import { ROLES } from '../../../domain/shared/roles.js';
import { ZBilingualSchema } from '../common.schema.js';

const ZAction = z.enum(REQUEST_ACTIONS);
const ZIssue = z.object({ path: z.string(), code: z.string(), message: ZBilingualSchema });

export const ZClockStatusSchema = z
  .object({
    ackOverdue: z.boolean(),
    responseOverdue: z.boolean(),
    ackWasLate: z.boolean(),
    responseWasLate: z.boolean(),
    paused: z.boolean(),
    preservationActive: z.boolean(),
    preservationExpiresInDays: z.number().nullable(),
    canRenew: z.boolean(),
    renewalReminderDue: z.boolean(),
    preservationLapsed: z.boolean(),
    escalationLevel: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    nextDeadlineAt: z.string().nullable(),
    nextEventAt: z.string().nullable(),
  })
  .meta({ id: 'ClockStatus' });

export const ZRequestViewSchema = ZRequestRecord.extend({
  direction: z.enum(['outgoing', 'incoming']),
  clock: ZClockStatusSchema,
  allowedActions: z.array(ZAction),
  nextAction: ZAction.nullable(),
  expectedStep: z
    .object({ side: z.enum(['requesting', 'requested']), action: ZAction, roles: z.array(z.enum(ROLES)).readonly() })
    .nullable(),
  counterpartActions: z.array(ZAction),
  /** On drafts answered by a create or an edit: what still stops it from being submitted. */
  issues: z.array(ZIssue).optional(),
}).meta({ id: 'RequestView' });

export const ZRequestHistoryEntrySchema = z
  .object({
    at: z.string(),
    type: z.string(),
    actorLabel: z.string(),
    party: z.string(),
    data: z.record(z.string(), z.unknown()),
    auditSeq: z.number().nullable(),
  })
  .meta({ id: 'RequestHistoryEntry' });

export const ZRequestDetailSchema = ZRequestViewSchema.extend({ history: z.array(ZRequestHistoryEntrySchema) }).meta({
  id: 'RequestDetail',
});

const ZReceiptSchema = z
  .object({
    batchId: z.string(),
    jws: z.string(),
    verified: z.boolean(),
    problem: ZBilingualSchema.nullable(),
    signer: z.object({
      party: z.string(),
      name: ZBilingualSchema.nullable(),
      keyId: z.string().nullable(),
      fingerprint: z.string().nullable(),
    }),
    receivedAt: z.string().nullable(),
    covers: z.array(
      z.object({
        mid: z.string(),
        seq: z.number().nullable(),
        status: z.string(),
        code: z.string().nullable(),
        thisMessage: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'Receipt' });

export const ZRecordDeliverySchema = z
  .object({
    mid: z.string(),
    type: z.string(),
    peer: z.string(),
    channel: z.string(),
    seq: z.number(),
    createdAt: z.string(),
    state: z.enum(['pending', 'sent', 'rejected']),
    result: z.enum(['accepted', 'duplicate', 'rejected']).nullable(),
    code: z.string().nullable(),
    attempts: z.number(),
    lastError: z.string().nullable(),
    sentAt: z.string().nullable(),
    reason: ZBilingualSchema.nullable(),
    receipt: ZReceiptSchema.nullable(),
  })
  .meta({ id: 'RecordDelivery' });

const ZLabels = z.record(z.string(), ZBilingualSchema);

const ZLegalBasisSchema = z
  .object({
    id: z.string(),
    name: ZBilingualSchema,
    officialIn: z.array(z.enum(['en', 'zh'])).readonly(),
    shortName: ZBilingualSchema,
    citation: z.string(),
    jurisdiction: z.enum(['coe', 'us', 'cn', 'cn_us', 'eu', 'any']),
    appliesTo: z.array(z.enum(REQUEST_TYPES)).readonly(),
    emergencyOnly: z.boolean().optional(),
    requiresApproval: z.boolean().optional(),
    requiresNote: z.boolean().optional(),
    applicableFrom: z.string().optional(),
    responseHours: z.partialRecord(z.enum(URGENCIES), z.number()).optional(),
    preservation: z
      .object({ days: z.number(), renewalDays: z.number(), maxRenewals: z.number().nullable() })
      .optional(),
  })
  .meta({ id: 'LegalBasis' });

export const ZRequestMetaSchema = z
  .object({
    types: ZLabels,
    urgencies: ZLabels,
    confidentiality: ZLabels,
    crimeCategories: ZLabels,
    identifierKinds: ZLabels,
    statuses: ZLabels,
    actions: ZLabels,
    legalBases: z.array(ZLegalBasisSchema).readonly(),
    legalBasesByType: z.record(z.string(), z.array(z.string()).readonly()),
  })
  .meta({ id: 'RequestMeta' });
