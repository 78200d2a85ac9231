// What the case routes (cases, observables, tasks, evidence and custody) answer with, as zod schemas:
// Fastify serialises through them (only these fields leave the node) and the OpenAPI document — and
// so the web client's types — come from them.
import { z } from 'zod';
import {
  CASE_ACTIONS,
  CASE_CONFIDENTIALITY,
  CASE_ROLES,
  CASE_STATUSES,
  SHARE_GRANULARITIES,
  TASK_ACTIONS,
  TLP_LEVELS,
} from '../../../domain/case/index.js';
import {
  ZCaseRecord,
  ZCustodyEvent,
  ZEvidenceRecord,
  ZObservableRecord,
  ZTaskRecord,
} from '../../../domain/case/record-schema.js';
import { CRIME_CATEGORIES } from '../../../domain/shared/crime-categories.js';
import { ZBilingualSchema, ZIssueSchema } from '../common.schema.js';

const ZLabels = z.record(z.string(), ZBilingualSchema);
const ZTlp = z.enum(TLP_LEVELS);

export const ZCaseMetaSchema = z
  .object({
    statuses: ZLabels,
    crimeCategories: ZLabels,
    confidentiality: ZLabels,
    caseRoles: ZLabels,
    tlp: z.record(z.enum(TLP_LEVELS), z.object({ label: z.string(), description: ZBilingualSchema })),
    observableTypes: ZLabels,
    custodyKinds: ZLabels,
    taskStatuses: ZLabels,
    actions: z.array(z.enum(CASE_ACTIONS)).readonly(),
    taskActions: z.array(z.enum(TASK_ACTIONS)).readonly(),
    shareGranularities: z.array(z.enum(SHARE_GRANULARITIES)).readonly(),
    limits: z.object({ maxEvidenceBytes: z.number(), maxObservablesPerBatch: z.number() }),
  })
  .meta({ id: 'CaseMeta' });

/** A viewer who manages a case without being a member (an admin) sees its membership only: `access: 'membership'`. */
const ZAccess = z.enum(['full', 'membership']);

export const ZCaseMemberSchema = z
  .object({
    userId: z.string(),
    caseRole: z.enum(CASE_ROLES),
    addedAt: z.string(),
    addedBy: z.string(),
    /** Only on the case page (GET /api/cases/:id). */
    displayName: z.string().nullable().optional(),
  })
  .meta({ id: 'CaseMember' });

/** Fields only a member sees are optional: absent when `access` is `membership`. */
export const ZCaseSummarySchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    status: z.enum(CASE_STATUSES),
    access: ZAccess,
    updatedAt: z.string(),
    title: ZBilingualSchema.optional(),
    crimeCategories: z.array(z.enum(CRIME_CATEGORIES)).optional(),
    leadParty: z.string().optional(),
    tlp: ZTlp.optional(),
    confidentiality: z.enum(CASE_CONFIDENTIALITY).optional(),
    myRole: z.enum(CASE_ROLES).nullable().optional(),
    createdAt: z.string().optional(),
  })
  .meta({ id: 'CaseSummary' });

const memberOnly = ZCaseRecord.pick({
  title: true,
  summary: true,
  crimeCategories: true,
  statusReason: true,
  leadParty: true,
  originParty: true,
  participatingParties: true,
  linkedRequestIds: true,
  linkedCallIds: true,
  tlp: true,
  confidentiality: true,
  createdAt: true,
  createdBy: true,
  updatedAt: true,
  closedAt: true,
}).partial();

export const ZCaseViewSchema = memberOnly
  .extend({
    id: z.string(),
    reference: z.string(),
    status: z.enum(CASE_STATUSES),
    access: ZAccess,
    myRole: z.enum(CASE_ROLES).nullable(),
    allowedActions: z.array(z.enum(CASE_ACTIONS)),
    members: z.array(ZCaseMemberSchema),
    version: z.number(),
    /** Set on a copy received from a peer; the names it was shared with stay on this node. */
    sharedFrom: z
      .object({ party: z.string(), caseId: z.string(), firstReceivedAt: z.string(), lastReceivedAt: z.string() })
      .nullable()
      .optional(),
  })
  .meta({ id: 'CaseView' });

export const ZObservableSchema = ZObservableRecord.meta({ id: 'Observable' });

export const ZEvidenceSchema = ZEvidenceRecord.omit({ storageKey: true, encryption: true, received: true })
  .extend({
    encryptedAtRest: z.object({ alg: z.string(), masterKeyId: z.string() }),
    /** For an item received from a peer: the SHA-256 the sender declared and the one computed here. */
    received: z
      .object({
        from: z.string(),
        at: z.string(),
        sentSha256: z.string(),
        receivedSha256: z.string(),
        transferredBy: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'Evidence' });

export const ZCaseTaskSchema = ZTaskRecord.extend({
  dueState: z.enum(['none', 'on_track', 'due_soon', 'overdue']),
  isOverdue: z.boolean(),
  allowedActions: z.array(z.enum(TASK_ACTIONS)),
}).meta({ id: 'CaseTask' });

export const ZCaseTimelineEntrySchema = z
  .object({
    at: z.string(),
    kind: z.string(),
    actor: z.string(),
    summary: ZBilingualSchema,
    ref: z.object({ type: z.string(), id: z.string() }),
  })
  .meta({ id: 'CaseTimelineEntry' });

export const ZCaseDetailSchema = ZCaseViewSchema.extend({
  observables: z.array(ZObservableSchema).optional(),
  evidence: z.array(ZEvidenceSchema).optional(),
  tasks: z.array(ZCaseTaskSchema).optional(),
  timeline: z.array(ZCaseTimelineEntrySchema).optional(),
}).meta({ id: 'CaseDetail' });

export const ZObservableOutcomeSchema = z
  .object({
    added: z.array(ZObservableSchema),
    merged: z.array(ZObservableSchema),
    duplicates: z.array(z.object({ key: z.string(), keptId: z.string() })),
    rejected: z.array(z.object({ index: z.number(), value: z.string(), issues: z.array(ZIssueSchema) })),
  })
  .meta({ id: 'ObservableOutcome' });

export const ZSharePreviewSchema = z
  .object({
    party: z.string(),
    caseContent: z.boolean(),
    observables: z.array(z.object({ id: z.string(), tlp: ZTlp, sources: ZObservableRecord.shape.sources })),
    evidenceIds: z.array(z.string()),
    refused: z.array(
      z.object({ kind: z.enum(['case', 'observable', 'evidence']), id: z.string(), reason: ZBilingualSchema }),
    ),
    peer: z.object({ id: z.string(), name: ZBilingualSchema, status: z.string() }).nullable(),
  })
  .meta({ id: 'SharePreview' });

export const ZSharePreviewAnswerSchema = z
  .object({ recipients: z.array(ZSharePreviewSchema) })
  .meta({ id: 'SharePreviewAnswer' });

export const ZShareOutcomeSchema = z
  .object({
    caseId: z.string(),
    sharedAt: z.string(),
    recipients: z.array(
      z.object({
        party: z.string(),
        observableIds: z.array(z.string()),
        evidenceIds: z.array(z.string()),
        messageIds: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'ShareOutcome' });

export const ZCustodyEventSchema = ZCustodyEvent.meta({ id: 'CustodyEvent' });

export const ZCustodySchema = z
  .object({
    evidenceId: z.string(),
    head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
    events: z.array(ZCustodyEventSchema),
    verification: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), length: z.number(), headHash: z.string() }),
      z.object({ ok: z.literal(false), firstBadSeq: z.number(), reason: z.string(), message: ZBilingualSchema }),
    ]),
  })
  .meta({ id: 'Custody' });
