// One report, three formats: JSON (the report document itself), CSV and PDF, with the media type
// and file name a download needs. Used by the HTTP routes and the CLI alike.
import type { ReportDocument } from '../domain/report/report-model.js';
import type { Bilingual } from '../error-types.js';
import { renderCsv } from './render-csv.js';
import { renderPdf } from './render-pdf.js';
import type { ReportLocale } from './report-locale.js';

export const REPORT_FORMATS = ['json', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type ExportedReport = { body: Buffer; mediaType: string; filename: string };

const MEDIA: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  pdf: 'application/pdf',
};

/** "crossline-period-2026-Q3.pdf": ASCII only, so the Content-Disposition needs no encoding tricks. */
export function reportFilename(doc: ReportDocument, format: ReportFormat): string {
  const subject = doc.subject.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'report';
  return `crossline-${doc.kind}-${subject}.${format}`;
}

/** How the reporting node writes its PDF: times in its own zone (stated on the PDF), its name for its id. */
export type ExportOptions = { timeZone?: string; partyName?: Bilingual };

export async function exportReport(
  doc: ReportDocument,
  format: ReportFormat,
  locale: ReportLocale,
  options: ExportOptions = {},
): Promise<ExportedReport> {
  const body =
    format === 'pdf'
      ? await renderPdf(doc, { locale, ...options })
      : format === 'csv'
        ? renderCsv(doc, locale)
        : Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, 'utf8');
  return { body, mediaType: MEDIA[format], filename: reportFilename(doc, format) };
}
