// Request shapes of the public report form, the status check and the triage queue.
import { z } from 'zod';
import { ruleMessage } from '../../../domain/shared/bilingual.js';
import { CRIME_CATEGORIES } from '../../../domain/shared/crime-categories.js';
import {
  PAYMENT_METHODS,
  REPORT_CATEGORIES,
  REPORT_LANGUAGES,
  REPORT_STATUSES,
  TRIAGE_ACTIONS,
} from '../../../domain/public-report/index.js';
import { commaList, ZInstantSchema } from '../common.schema.js';

const text = (max: number) => z.string().max(max);
const list = z.array(text(2000)).max(50).default([]);

// A screenshot is either sent ahead through POST /public/reports/attachments and named here by its
// upload token (the way for files of any allowed size), or — small ones only, as the report body is
// limited to a few MB — inline as base64. A file over 5 MB is refused by the service with
// PUBLIC_REPORT_ATTACHMENT_TOO_LARGE (413), not by this schema, so the reporter gets that message.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
export const ZReportAttachmentSchema = z.union([
  z
    .object({
      uploadToken: z
        .string()
        .min(20)
        .max(100)
        .regex(
          /^[A-Za-z0-9_-]+$/,
          ruleMessage('The file upload did not finish; add the file again.', '文件上传未完成，请重新添加该文件。'),
        ),
    })
    .strict(),
  z.object({
    filename: text(255).default(''),
    contentBase64: z
      .string()
      .max(8_000_000)
      .regex(BASE64, ruleMessage('The file could not be read; add it again.', '无法读取该文件，请重新添加。')),
  }),
]);

export const ZStagedAttachmentQuerySchema = z.object({ filename: text(255).default('') });

export const ZSubmitReportBodySchema = z.object({
  category: z.enum(REPORT_CATEGORIES),
  narrative: text(20_000),
  occurredAt: text(40).optional(),
  amountLost: z
    .number({ error: ruleMessage('Enter the amount as a number, e.g. 5000.', '请用数字填写金额，例如 5000。') })
    .optional(),
  currency: text(8).optional(),
  payments: z
    .array(
      z.object({
        method: z.enum(PAYMENT_METHODS),
        account: text(400).optional(),
        wallet: text(400).optional(),
        platform: text(400).optional(),
        transactionId: text(400).optional(),
      }),
    )
    .max(20)
    .default([]),
  suspect: z
    .object({ phones: list, urls: list, handles: list, emails: list })
    .default({ phones: [], urls: [], handles: [], emails: [] }),
  reporter: z
    .object({
      name: text(400).optional(),
      phone: text(400).optional(),
      email: text(400).optional(),
      consent: z.boolean().default(false),
    })
    .optional(),
  language: z.enum(REPORT_LANGUAGES),
  /** Honeypot: hidden from people; anything in it marks the submission as automated. */
  fax: text(400).optional(),
  attachments: z.array(ZReportAttachmentSchema).max(20).default([]),
});
export type TSubmitReportBody = z.infer<typeof ZSubmitReportBodySchema>;

export const ZReportStatusBodySchema = z.object({ receipt: text(40).min(1), code: text(40).min(1) });

export const ZTriageListQuerySchema = z.object({
  status: commaList(REPORT_STATUSES, 'statuses'),
  category: commaList(REPORT_CATEGORIES, 'categories'),
  from: ZInstantSchema.optional(),
  to: ZInstantSchema.optional(),
  hasCorrelation: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const ZTriageActionBodySchema = z.object({ action: z.enum(TRIAGE_ACTIONS), note: text(2000).optional() });

export const ZMergeBodySchema = z.object({ duplicateIds: z.array(z.uuid()).min(1).max(50) });

export const ZCaseFromReportsBodySchema = z.object({
  reportIds: z.array(z.uuid()).min(1).max(50),
  title: z.object({ en: text(200), zh: text(200) }).optional(),
  crimeCategory: z.enum(CRIME_CATEGORIES).optional(),
});

export const ZAttachmentParamsSchema = z.object({ id: z.uuid(), attachmentId: z.uuid() });
