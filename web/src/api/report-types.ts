// Shapes of the report documents served by /api/reports (see src/domain/report/report-model.ts).
import type { Bilingual } from './types';

export type ReportCell = string | number | null;
export type ReportColumnKind = 'text' | 'code' | 'count' | 'duration' | 'rate' | 'instant';
export type ReportColumn = { key: string; label: Bilingual; kind: ReportColumnKind };
export type ReportTable = { id: string; title: Bilingual; columns: ReportColumn[]; rows: ReportCell[][] };
export type ReportChart =
  | { kind: 'bars'; id: string; title: Bilingual; bars: { label: Bilingual; value: number }[] }
  | { kind: 'percentiles'; id: string; title: Bilingual; series: { label: Bilingual; p50Ms: number | null; p90Ms: number | null; p95Ms: number | null; count: number }[] }
  | { kind: 'sla'; id: string; title: Bilingual; items: { label: Bilingual; met: number; missed: number; pending: number; rate: number | null }[] };

export type ReportDocument = {
  kind: 'period' | 'peer' | 'case' | 'request';
  title: Bilingual;
  subject: string;
  generatedAt: string;
  party: string;
  facts: { label: Bilingual; value: string; text?: Bilingual }[];
  charts: ReportChart[];
  tables: ReportTable[];
  /** Labels of the codes in `code` columns. */
  valueLabels: Record<string, Bilingual>;
};
