// The one shape every report takes (period, peer, case, request): facts, charts and tables with
// stable English column keys and bilingual labels, so JSON, CSV, PDF and the web page agree.
import type { Bilingual } from '../../error-types.js';

export type Cell = string | number | null;

/**
 * How a column is shown: durations are milliseconds, rates are fractions 0..1, instants ISO UTC;
 * `code` cells hold a stable code (status, type, direction...) shown to people by its label.
 */
export type ColumnKind = 'text' | 'code' | 'count' | 'duration' | 'rate' | 'instant';

export type ReportColumn = { key: string; label: Bilingual; kind: ColumnKind };

export type ReportTable = { id: string; title: Bilingual; columns: ReportColumn[]; rows: Cell[][] };

export type ChartBar = { label: Bilingual; value: number };

export type ReportChart =
  | { kind: 'bars'; id: string; title: Bilingual; bars: ChartBar[] }
  | {
      kind: 'percentiles';
      id: string;
      title: Bilingual;
      series: { label: Bilingual; p50Ms: number | null; p90Ms: number | null; p95Ms: number | null; count: number }[];
    }
  | {
      kind: 'sla';
      id: string;
      title: Bilingual;
      items: { label: Bilingual; met: number; missed: number; pending: number; rate: number | null }[];
    };

/** `text`: the value in both languages where it has them (a peer's name); `value` stays the one-string form (CSV). */
export type ReportFact = { label: Bilingual; value: string; text?: Bilingual };

export type ReportKind = 'period' | 'peer' | 'case' | 'request';

export type ReportDocument = {
  kind: ReportKind;
  title: Bilingual;
  /** Period label, case or request reference. */
  subject: string;
  generatedAt: string;
  /** The reporting node's party. */
  party: string;
  facts: ReportFact[];
  charts: ReportChart[];
  tables: ReportTable[];
  /** Bilingual labels of the codes found in `code` columns; CSV keeps the codes themselves. */
  valueLabels: Record<string, Bilingual>;
};

/** Short constructor for columns: `col('count', 'Count', '数量', 'count')`. */
export function col(key: string, en: string, zh: string, kind: ColumnKind = 'text'): ReportColumn {
  return { key, label: { en, zh }, kind };
}

/** The label of `code` in `labels`, or the code itself in both languages when unknown. */
export function labelOf(labels: Record<string, Bilingual>, code: string): Bilingual {
  return labels[code] ?? { en: code, zh: code };
}
