// Shapes of the public report and triage endpoints, as the presenters send them.
import type { Bilingual } from './client';

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

export type StagedAttachment = { uploadToken: string; filename: string; mediaType: string; size: number; sha256: string; expiresAt: string };

export type SubmissionReceipt = { receipt: string; statusCode: string; submittedAt: string };
export type PublicStatusView = { receipt: string; status: PublicStatus; message: Bilingual; submittedAt: string; updatedAt: string };

type Core = {
  id: string; receipt: string; status: ReportStatus; category: ReportCategory; language: 'en' | 'zh';
  submittedAt: string; updatedAt: string; occurredAt: string | null; amountLost: number | null; currency: string | null;
  duplicateOf: string | null; caseId: string | null;
};
export type QueueItem = Core & { excerpt: string; attachmentCount: number; indicatorCount: number; hasCorrelation: boolean };
export type TriageQueue = { items: QueueItem[]; total: number; spamDiscarded: number };

export type Indicator = { type: string; value: string; display: string; source: 'narrative' | 'payment' | 'contact'; flags?: string[] };
export type TriageReport = Core & {
  version: number; hasCorrelation: boolean; narrative: string;
  payments: ReportSubmission['payments']; suspect: ReportSubmission['suspect'];
  reporter: { name?: string; phone?: string; email?: string; consent: boolean } | null;
  notes: { at: string; by: string; text: string }[];
  attachments: { id: string; filename: string; mediaType: string; size: number; sha256: string }[];
  indicators: Indicator[];
  correlations: { type: string; value: string; sourceKind: string; sourceId: string; sourceLabel: string | null }[];
  duplicateOfReport: { id: string; receipt: string; status: ReportStatus } | null;
  duplicates: (Core & { excerpt: string; score: number; reasons: string[]; similarity: number })[];
};
export type CaseFromReports = { caseId: string; reference: string; observables: number; evidence: number };
