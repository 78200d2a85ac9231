// Shapes of the report documents served by /api/reports, generated from the node's OpenAPI document
// (src/http/routes/reports/reports.response.ts, after src/domain/report/report-model.ts).
import type { components } from './generated/api';

type S = components['schemas'];

export type ReportTable = S['ReportTable'];
export type ReportCell = ReportTable['rows'][number][number];
export type ReportColumn = S['ReportColumn'];
export type ReportColumnKind = ReportColumn['kind'];
export type ReportChart = S['ReportChart'];
export type ReportDocument = S['ReportDocument'];
