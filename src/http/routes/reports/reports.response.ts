// What the report routes answer with as JSON (format=json, the default): the one report document
// shape (src/domain/report/report-model.ts), as a zod schema Fastify serialises through and from which
// the OpenAPI document and the web client's types come. CSV and PDF answers are files, not this.
import { z } from 'zod';
import { ZBilingualSchema } from '../common.schema.js';

const ZReportColumnSchema = z
  .object({
    key: z.string(),
    label: ZBilingualSchema,
    kind: z.enum(['text', 'code', 'count', 'duration', 'rate', 'instant']),
  })
  .meta({ id: 'ReportColumn' });

const ZReportCellSchema = z.union([z.string(), z.number(), z.null()]);

const ZReportTableSchema = z
  .object({
    id: z.string(),
    title: ZBilingualSchema,
    columns: z.array(ZReportColumnSchema),
    rows: z.array(z.array(ZReportCellSchema)),
  })
  .meta({ id: 'ReportTable' });

const ZReportChartSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('bars'),
      id: z.string(),
      title: ZBilingualSchema,
      bars: z.array(z.object({ label: ZBilingualSchema, value: z.number() })),
    }),
    z.object({
      kind: z.literal('percentiles'),
      id: z.string(),
      title: ZBilingualSchema,
      series: z.array(
        z.object({
          label: ZBilingualSchema,
          p50Ms: z.number().nullable(),
          p90Ms: z.number().nullable(),
          p95Ms: z.number().nullable(),
          count: z.number(),
        }),
      ),
    }),
    z.object({
      kind: z.literal('sla'),
      id: z.string(),
      title: ZBilingualSchema,
      items: z.array(
        z.object({
          label: ZBilingualSchema,
          met: z.number(),
          missed: z.number(),
          pending: z.number(),
          rate: z.number().nullable(),
        }),
      ),
    }),
  ])
  .meta({ id: 'ReportChart' });

export const ZReportDocumentSchema = z
  .object({
    kind: z.enum(['period', 'peer', 'case', 'request']),
    title: ZBilingualSchema,
    /** Period label, case or request reference. */
    subject: z.string(),
    generatedAt: z.string(),
    /** The reporting node's party. */
    party: z.string(),
    facts: z.array(z.object({ label: ZBilingualSchema, value: z.string(), text: ZBilingualSchema.optional() })),
    charts: z.array(ZReportChartSchema),
    tables: z.array(ZReportTableSchema),
    /** Labels of the codes in `code` columns. */
    valueLabels: z.record(z.string(), ZBilingualSchema),
  })
  .meta({ id: 'ReportDocument' });
