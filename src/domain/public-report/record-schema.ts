// The stored shape of a report from the public (PublicReportRecord) as a zod schema, checked against
// the type at compile time, with its upgrade chain (docs/architecture.md, "Storage").
import { z } from 'zod';
import { sameType, type SameType } from '../shared/same-type.js';
import { storedDocument } from '../shared/stored-document.js';
import {
  PAYMENT_METHODS,
  REPORT_CATEGORIES,
  REPORT_LANGUAGES,
  REPORT_STATUSES,
  type PublicReportRecord,
} from './types.js';

export const ZPublicReportRecord = z.object({
  category: z.enum(REPORT_CATEGORIES),
  narrative: z.string(),
  occurredAt: z.string().optional(),
  amountLost: z.number().optional(),
  currency: z.string().optional(),
  payments: z.array(
    z.object({
      method: z.enum(PAYMENT_METHODS),
      account: z.string().optional(),
      wallet: z.string().optional(),
      platform: z.string().optional(),
      transactionId: z.string().optional(),
    }),
  ),
  suspect: z.object({
    phones: z.array(z.string()),
    urls: z.array(z.string()),
    handles: z.array(z.string()),
    emails: z.array(z.string()),
  }),
  reporter: z
    .object({
      name: z.string().optional(),
      phone: z.string().optional(),
      email: z.string().optional(),
      consent: z.boolean(),
    })
    .optional(),
  language: z.enum(REPORT_LANGUAGES),
  id: z.string(),
  receipt: z.string(),
  status: z.enum(REPORT_STATUSES),
  submittedAt: z.string(),
  updatedAt: z.string(),
  duplicateOf: z.string().nullable(),
  caseId: z.string().nullable(),
  notes: z.array(z.object({ at: z.string(), by: z.string(), text: z.string() })),
});
sameType<SameType<z.infer<typeof ZPublicReportRecord>, PublicReportRecord>>(true);

export const PUBLIC_REPORT_DOCUMENT = storedDocument<PublicReportRecord>('public report', ZPublicReportRecord);
