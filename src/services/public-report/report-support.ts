// Shared steps of the public-report use cases: load a report or refuse as absent, and save a
// change with its audit entries in the caller's transaction.
import type { PublicReportRecord, ReportEvent } from '../../domain/public-report/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import type { Queryable } from '../../storage/db.js';
import { findReport, updateReport, type StoredReport } from '../../storage/repositories/public-report.repository.js';
import { recordChange } from '../shared/record-change.js';
import { indexSearchDocument } from '../search/index-search-document.js';
import { reportDocument } from '../search/search-documents.js';

export const REPORT_SUBJECT = 'public_report';

export async function loadReport(db: Queryable, id: string, forUpdate = false): Promise<StoredReport> {
  const stored = await findReport(db, id, forUpdate);
  if (!stored) throw new AppError('PUBLIC_REPORT_NOT_FOUND', { details: { id } });
  return stored;
}

/**
 * Writes the new version and audits each event. Audit data names the receipt and the change only:
 * what the victim wrote (names, numbers, story) never goes into the hash-chained log.
 */
export async function saveReportChange(
  tx: Queryable,
  actor: Actor,
  stored: StoredReport,
  record: PublicReportRecord,
  events: readonly ReportEvent[],
  now: Date,
): Promise<void> {
  await updateReport(tx, record, stored.version);
  await indexSearchDocument(tx, reportDocument(record));
  await recordChange(
    tx,
    {
      actor,
      subjectType: REPORT_SUBJECT,
      subjectId: record.id,
      events,
      auditData: { receipt: record.receipt, status: record.status },
    },
    now,
  );
}
