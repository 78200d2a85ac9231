// Query strings of the report routes: the period (named or from/to), the export format and language.
import { z } from 'zod';
import { REPORT_FORMATS } from '../../../report/export-report.js';
import { REPORT_LOCALES } from '../../../report/report-locale.js';

const ZExportQuerySchema = z.object({
  format: z
    .enum(REPORT_FORMATS)
    .default('json')
    .describe('json (the report document), csv (RFC 4180, UTF-8 BOM) or pdf'),
  locale: z
    .enum(REPORT_LOCALES)
    .default('both')
    .describe('language of labels: both (Chinese and English), en or zh-CN'),
});

/** Period checks (format, order, years) happen in the report domain, which answers with bilingual issues. */
const ZPeriodFieldsSchema = z.object({
  period: z.string().max(40).optional().describe('2026-Q3, 2026-11 or 2026'),
  from: z.string().max(40).optional().describe('first day, YYYY-MM-DD (with to)'),
  to: z.string().max(40).optional().describe('last day included, YYYY-MM-DD (with from)'),
  timeZone: z.string().max(64).optional().describe('IANA zone whose midnights bound the period; UTC by default'),
});

export const ZPeriodReportQuerySchema = ZExportQuerySchema.extend(ZPeriodFieldsSchema.shape).extend({
  peer: z.string().min(1).max(100).optional().describe('only records exchanged with this party'),
});
export type TPeriodReportQuery = z.infer<typeof ZPeriodReportQuerySchema>;

export const ZPeerReportQuerySchema = ZExportQuerySchema.extend(ZPeriodFieldsSchema.shape);

export const ZRecordReportQuerySchema = ZExportQuerySchema;

export const ZPartyParamsSchema = z.object({ partyId: z.string().min(1).max(100) });
