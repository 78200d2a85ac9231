// What leaves the node about a report: the queue row, the triage detail, and never a database row.
import type { PublicReportRecord } from '../../../domain/public-report/index.js';
import type { QueueItem } from '../../../services/public-report/list-triage-reports.js';
import type { TriageReportView } from '../../../services/public-report/get-triage-report.js';
import type { AttachmentMeta } from '../../../storage/repositories/public-report.repository.js';

const EXCERPT = 200;

function core(r: PublicReportRecord) {
  return {
    id: r.id,
    receipt: r.receipt,
    status: r.status,
    category: r.category,
    language: r.language,
    submittedAt: r.submittedAt,
    updatedAt: r.updatedAt,
    occurredAt: r.occurredAt ?? null,
    amountLost: r.amountLost ?? null,
    currency: r.currency ?? null,
    duplicateOf: r.duplicateOf,
    caseId: r.caseId,
  };
}

export function presentQueueItem(item: QueueItem) {
  const r = item.record;
  return {
    ...core(r),
    excerpt: r.narrative.slice(0, EXCERPT),
    attachmentCount: item.attachmentCount,
    indicatorCount: item.indicatorCount,
    hasCorrelation: item.hasCorrelation,
  };
}

export function presentAttachment(a: AttachmentMeta) {
  return { id: a.id, filename: a.filename, mediaType: a.mediaType, size: a.size, sha256: a.sha256 };
}

export function presentReportRecord(r: PublicReportRecord) {
  return core(r);
}

export function presentTriageReport(v: TriageReportView) {
  const r = v.record;
  return {
    ...core(r),
    version: v.version,
    hasCorrelation: v.hasCorrelation,
    narrative: r.narrative,
    payments: r.payments,
    suspect: r.suspect,
    // Kept only with the reporter's consent (validation refuses contact details without it).
    reporter: r.reporter ?? null,
    notes: r.notes,
    attachments: v.attachments.map(presentAttachment),
    indicators: v.indicators,
    correlations: v.correlations,
    duplicateOfReport: v.duplicateOf
      ? { id: v.duplicateOf.id, receipt: v.duplicateOf.receipt, status: v.duplicateOf.status }
      : null,
    duplicates: v.duplicates.map((d) => ({
      ...core(d.report),
      excerpt: d.report.narrative.slice(0, EXCERPT),
      score: d.score,
      reasons: d.reasons,
      shared: d.shared,
      similarity: d.similarity,
    })),
  };
}
