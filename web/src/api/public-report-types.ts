// Shapes of the public report and triage endpoints: the submission the form sends, and what the routes answer.
import type { components } from './generated/api';

type S = components['schemas'];

export type ReportCategory = 'fraud' | 'illegal_content' | 'other';
export type ReportStatus = 'received' | 'under_review' | 'forwarded' | 'closed' | 'duplicate';
export type PaymentMethod = 'bank_transfer' | 'card' | 'wallet' | 'payment_app' | 'cash' | 'other';
export type PublicStatus = 'received' | 'under_review' | 'forwarded' | 'closed';

export type ReportSubmission = {
  category: ReportCategory;
  narrative: string;
  occurredAt?: string;
  amountLost?: number;
  currency?: string;
  payments: { method: PaymentMethod; account?: string; wallet?: string; platform?: string; transactionId?: string }[];
  suspect: { phones: string[]; urls: string[]; handles: string[]; emails: string[] };
  reporter?: { name?: string; phone?: string; email?: string; consent: boolean };
  language: 'en' | 'zh';
  fax?: string;
  /** Screenshots sent ahead (POST /public/reports/attachments) by token; small ones may still come inline. */
  attachments: ({ uploadToken: string } | { filename: string; contentBase64: string })[];
};

// What the routes answer: generated from the node's OpenAPI document (src/http/routes/public-reports/public-reports.response.ts).
export type StagedAttachment = S['StagedAttachment'];
export type SubmissionReceipt = S['SubmissionReceipt'];
export type PublicStatusView = S['PublicStatusView'];
export type QueueItem = S['QueueItem'];
export type TriageQueue = S['TriageQueue'];
export type Indicator = S['ReportIndicator'];
export type TriageReport = S['TriageReport'];
export type CaseFromReports = S['CaseFromReports'];
export type TriageMeta = S['TriageMeta'];
