// Building a report record and its triage transitions; each returns the events to audit.
import { AppError, validationError } from '../../errors.js';
import { requireTransition } from './status-machine.js';
import type { PublicReportRecord, ReportInput, ReportStatus } from './types.js';
import { validateReportInput } from './validation.js';

/** What happened to a report, audited and kept in its history (same shape as every area's events). */
export type ReportEvent = { type: string; at: string; data?: Record<string, unknown> };

type Change = { record: PublicReportRecord; events: ReportEvent[] };

/** Trims what people type; empty optional fields become absent so the record stays small. */
export function cleanReportInput(input: ReportInput): ReportInput {
  const list = (xs: string[]) => xs.map((x) => x.trim()).filter(Boolean);
  const opt = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  const reporter =
    input.reporter && (opt(input.reporter.name) || opt(input.reporter.phone) || opt(input.reporter.email))
      ? {
          name: opt(input.reporter.name),
          phone: opt(input.reporter.phone),
          email: opt(input.reporter.email),
          consent: input.reporter.consent,
        }
      : undefined;
  return {
    category: input.category,
    narrative: input.narrative.trim(),
    occurredAt: opt(input.occurredAt),
    amountLost: input.amountLost,
    currency: opt(input.currency)?.toUpperCase(),
    payments: input.payments.map((p) => ({
      method: p.method,
      account: opt(p.account),
      wallet: opt(p.wallet),
      platform: opt(p.platform),
      transactionId: opt(p.transactionId),
    })),
    suspect: {
      phones: list(input.suspect.phones),
      urls: list(input.suspect.urls),
      handles: list(input.suspect.handles),
      emails: list(input.suspect.emails),
    },
    reporter,
    language: input.language,
  };
}

export function createReport(input: ReportInput, ids: { id: string; receipt: string }, now: Date): Change {
  const clean = cleanReportInput(input);
  const issues = validateReportInput(clean, now);
  if (issues.length) throw validationError(issues, 'PUBLIC_REPORT_INVALID');
  const at = now.toISOString();
  const record: PublicReportRecord = {
    ...clean,
    id: ids.id,
    receipt: ids.receipt,
    status: 'received',
    submittedAt: at,
    updatedAt: at,
    duplicateOf: null,
    caseId: null,
    notes: [],
  };
  return { record, events: [{ type: 'submitted', at, data: { receipt: ids.receipt, category: clean.category } }] };
}

export function changeStatus(r: PublicReportRecord, to: ReportStatus, by: string, now: Date, note?: string): Change {
  requireTransition(r.status, to);
  const at = now.toISOString();
  const notes = note?.trim() ? [...r.notes, { at, by, text: note.trim() }] : r.notes;
  const reopened = to === 'under_review' && (r.status === 'duplicate' || r.status === 'closed');
  const record: PublicReportRecord = {
    ...r,
    status: to,
    updatedAt: at,
    notes,
    duplicateOf: reopened ? null : r.duplicateOf,
  };
  return { record, events: [{ type: 'status_changed', at, data: { from: r.status, to } }] };
}

/** Marks `r` as a duplicate of `original`; both are kept, the reporter sees "being reviewed". */
export function markDuplicate(r: PublicReportRecord, original: PublicReportRecord, by: string, now: Date): Change {
  if (r.id === original.id) throw new AppError('PUBLIC_REPORT_MERGE_INVALID', { details: { reason: 'same_report' } });
  // Chains are flattened: a duplicate always points at a report that is not itself a duplicate.
  if (original.status === 'duplicate')
    throw new AppError('PUBLIC_REPORT_MERGE_INVALID', {
      details: { reason: 'target_is_duplicate', duplicateOf: original.duplicateOf },
    });
  const moved = changeStatus(r, 'duplicate', by, now);
  return {
    record: { ...moved.record, duplicateOf: original.id },
    events: [
      {
        type: 'merged',
        at: now.toISOString(),
        data: { from: r.status, duplicateOf: original.id, duplicateOfReceipt: original.receipt },
      },
    ],
  };
}

export function markForwarded(r: PublicReportRecord, caseId: string, now: Date): Change {
  requireTransition(r.status, 'forwarded');
  const at = now.toISOString();
  return {
    record: { ...r, status: 'forwarded', caseId, updatedAt: at },
    events: [{ type: 'forwarded', at, data: { from: r.status, caseId } }],
  };
}
