// Shapes of a report from the public (docs/spec.md §6.1): what the victim tells, and the triage state.
import type { Bilingual } from '../../error-types.js';

export const REPORT_CATEGORIES = ['fraud', 'illegal_content', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const REPORT_STATUSES = ['received', 'under_review', 'forwarded', 'closed', 'duplicate'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const PAYMENT_METHODS = ['bank_transfer', 'card', 'wallet', 'payment_app', 'cash', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const REPORT_LANGUAGES = ['en', 'zh'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export type ReportPayment = {
  method: PaymentMethod;
  /** Bank account or card number the money went to. */
  account?: string;
  /** Crypto wallet address. */
  wallet?: string;
  /** Payment platform name (Alipay, WeChat Pay, PayPal …) and its transaction id. */
  platform?: string;
  transactionId?: string;
};

export type SuspectContacts = { phones: string[]; urls: string[]; handles: string[]; emails: string[] };

export type ReporterContact = { name?: string; phone?: string; email?: string; consent: boolean };

/** What the public form sends (attachments travel apart, as bytes). */
export type ReportInput = {
  category: ReportCategory;
  narrative: string;
  occurredAt?: string;
  amountLost?: number;
  currency?: string;
  payments: ReportPayment[];
  suspect: SuspectContacts;
  reporter?: ReporterContact;
  language: ReportLanguage;
};

export type TriageNote = { at: string; by: string; text: string };

export type PublicReportRecord = ReportInput & {
  id: string;
  receipt: string;
  status: ReportStatus;
  submittedAt: string;
  updatedAt: string;
  duplicateOf: string | null;
  caseId: string | null;
  notes: TriageNote[];
};

export const REPORT_CATEGORY_LABELS: Record<ReportCategory, Bilingual> = {
  fraud: { en: 'Online fraud', zh: '网络诈骗' },
  illegal_content: { en: 'Illegal content', zh: '违法有害信息' },
  other: { en: 'Other', zh: '其他' },
};
