// Shapes shared by many routes: id parameters, pagination, and the error body for OpenAPI.
import { z } from 'zod';
import { ruleMessage } from '../../domain/shared/bilingual.js';

/** An ISO-8601 instant with offset, within years the database can store. */
export const ZInstantSchema = z.iso.datetime({ offset: true }).refine(
  (v) => {
    const y = new Date(v).getUTCFullYear();
    return y >= 1900 && y <= 9000;
  },
  ruleMessage('Enter a date between the years 1900 and 9000.', '请输入 1900 年至 9000 年之间的日期。'),
);

/** The message of every rule on a party (node) id a person types. */
export const PARTY_ID = ruleMessage(
  'Enter the partner’s node id, e.g. us-fbi (lower-case letters, digits and hyphens).',
  '请输入合作方的节点标识，例如 us-fbi（小写字母、数字和连字符）。',
);

/** A query parameter holding a comma-separated subset of `values`. */
export const commaList = (values: readonly string[], what: string) =>
  z
    .string()
    .max(400)
    .optional()
    .describe(`comma-separated ${what}`)
    .refine(
      (v) => !v || v.split(',').every((s) => values.includes(s)),
      ruleMessage(`Unknown ${what}.`, '包含未知的筛选值。'),
    );

/** Splits a list checked by `commaList`. */
export function splitList<T extends string>(value: string | undefined): T[] | undefined {
  return value ? (value.split(',') as T[]) : undefined;
}

export const ZIdParamsSchema = z.object({ id: z.uuid() });

export const ZLimitQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZBilingualSchema = z.object({ en: z.string(), zh: z.string() });

/** One finding of a rule, as answers carry them (validation warnings, rejected items). */
export const ZIssueSchema = z.object({ path: z.string(), code: z.string(), message: ZBilingualSchema });

export const ZErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: ZBilingualSchema,
      issues: z.array(z.object({ path: z.string(), code: z.string(), message: ZBilingualSchema })).optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .describe('Error');

/** The error shapes every route may answer with (docs/api.md, "Errors"). */
export const ERROR_SHAPES = {
  400: ZErrorBodySchema,
  401: ZErrorBodySchema,
  403: ZErrorBodySchema,
  404: ZErrorBodySchema,
  409: ZErrorBodySchema,
  422: ZErrorBodySchema,
} as const;

/**
 * Responses of a route whose success answer is `schema` (status 200 unless given). Fastify
 * serialises the answer through the schema, so a field the schema does not declare never leaves the
 * node — a second line of defence behind the presenters (docs/api.md, "Response shapes").
 */
export function answers<S extends z.ZodType, C extends 200 | 201 | 202 = 200>(schema: S, status?: C) {
  return { ...ERROR_SHAPES, [status ?? 200]: schema } as typeof ERROR_SHAPES & { [K in C]: S };
}

/** A page of a list: `{ items }`. */
export const itemsOf = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item) });

/** An answer with no body of interest (`{ ok: true }`). */
export const ZOkSchema = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });
