// What the public-report and triage routes answer with, as zod schemas: Fastify serialises through them
// (only these fields leave the node) and the OpenAPI document — and so the web client's types — come from them.
import { z } from 'zod';
import { OBSERVABLE_TYPES } from '../../../domain/case/index.js';
import { PAYMENT_METHODS, REPORT_STATUSES } from '../../../domain/public-report/index.js';
import { ZPublicReportRecord } from '../../../domain/public-report/record-schema.js';
import { ZBilingualSchema } from '../common.schema.js';

const ZPublicStatus = z.enum(['received', 'under_review', 'forwarded', 'closed']);

export const ZSubmissionReceiptSchema = z
  .object({
    receipt: z.string(),
    statusCode: z.string().describe('shown once: the reporter needs it to check the status'),
    submittedAt: z.string(),
  })
  .meta({ id: 'SubmissionReceipt' });

export const ZStagedAttachmentSchema = z
  .object({
    uploadToken: z.string(),
    filename: z.string(),
    mediaType: z.enum(['image/png', 'image/jpeg', 'image/webp', 'application/pdf']),
    size: z.number(),
    sha256: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'StagedAttachment' });

export const ZPublicStatusViewSchema = z
  .object({
    receipt: z.string(),
    status: ZPublicStatus,
    message: ZBilingualSchema,
    submittedAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PublicStatusView' });

export const ZTriageMetaSchema = z
  .object({
    categories: z.record(z.string(), ZBilingualSchema),
    statuses: z.array(z.enum(REPORT_STATUSES)).readonly(),
    paymentMethods: z.array(z.enum(PAYMENT_METHODS)).readonly(),
    publicStatusText: z.record(ZPublicStatus, ZBilingualSchema),
  })
  .meta({ id: 'TriageMeta' });

/** What every view of a report shows: never the reporter's contact details or the story. */
export const ZReportCoreSchema = ZPublicReportRecord.pick({
  id: true,
  receipt: true,
  status: true,
  category: true,
  language: true,
  submittedAt: true,
  updatedAt: true,
  duplicateOf: true,
  caseId: true,
})
  .extend({
    occurredAt: z.string().nullable(),
    amountLost: z.number().nullable(),
    currency: z.string().nullable(),
  })
  .meta({ id: 'ReportCore' });

export const ZQueueItemSchema = ZReportCoreSchema.extend({
  excerpt: z.string(),
  attachmentCount: z.number(),
  indicatorCount: z.number(),
  hasCorrelation: z.boolean(),
}).meta({ id: 'QueueItem' });

export const ZTriageQueueSchema = z
  .object({ items: z.array(ZQueueItemSchema), total: z.number(), spamDiscarded: z.number() })
  .meta({ id: 'TriageQueue' });

const ZIndicator = z
  .object({
    type: z.enum(OBSERVABLE_TYPES),
    value: z.string(),
    display: z.string(),
    source: z.enum(['narrative', 'payment', 'contact']),
    flags: z.array(z.string()).optional(),
  })
  .meta({ id: 'ReportIndicator' });

export const ZTriageReportSchema = ZReportCoreSchema.extend({
  version: z.number(),
  hasCorrelation: z.boolean(),
  narrative: ZPublicReportRecord.shape.narrative,
  payments: ZPublicReportRecord.shape.payments,
  suspect: ZPublicReportRecord.shape.suspect,
  /** Kept only with the reporter's consent. */
  reporter: ZPublicReportRecord.shape.reporter.unwrap().nullable(),
  notes: ZPublicReportRecord.shape.notes,
  attachments: z.array(
    z.object({ id: z.string(), filename: z.string(), mediaType: z.string(), size: z.number(), sha256: z.string() }),
  ),
  indicators: z.array(ZIndicator),
  correlations: z.array(
    z.object({
      type: z.string(),
      value: z.string(),
      sourceKind: z.string(),
      sourceId: z.string(),
      sourceLabel: z.string().nullable(),
    }),
  ),
  duplicateOfReport: z.object({ id: z.string(), receipt: z.string(), status: z.enum(REPORT_STATUSES) }).nullable(),
  duplicates: z.array(
    ZReportCoreSchema.extend({
      excerpt: z.string(),
      score: z.number(),
      reasons: z.array(z.enum(['shared_indicator', 'same_contact', 'similar_narrative'])),
      shared: z.array(z.object({ type: z.string(), value: z.string() })),
      similarity: z.number(),
    }),
  ),
}).meta({ id: 'TriageReport' });

export const ZCaseFromReportsSchema = z
  .object({
    caseId: z.string(),
    reference: z.string(),
    observables: z.number(),
    evidence: z.number(),
    reports: z.array(ZReportCoreSchema),
  })
  .meta({ id: 'CaseFromReports' });
