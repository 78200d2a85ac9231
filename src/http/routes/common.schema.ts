// Shapes shared by many routes: id parameters, pagination, and the error body for OpenAPI.
import { z } from 'zod';

/** An ISO-8601 instant with offset, within years the database can store. */
export const ZInstantSchema = z.iso.datetime({ offset: true })
  .refine((v) => { const y = new Date(v).getUTCFullYear(); return y >= 1900 && y <= 9000; }, 'year must lie between 1900 and 9000');

/** A query parameter holding a comma-separated subset of `values`. */
export const commaList = (values: readonly string[], what: string) =>
  z.string().max(400).optional().describe(`comma-separated ${what}`)
    .refine((v) => !v || v.split(',').every((s) => values.includes(s)), `unknown ${what}`);

/** Splits a list checked by `commaList`. */
export function splitList<T extends string>(value: string | undefined): T[] | undefined {
  return value ? (value.split(',') as T[]) : undefined;
}

export const ZIdParamsSchema = z.object({ id: z.uuid() });

export const ZLimitQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZBilingualSchema = z.object({ en: z.string(), zh: z.string() });

export const ZErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: ZBilingualSchema,
    issues: z.array(z.object({ path: z.string(), code: z.string(), message: ZBilingualSchema })).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
}).describe('Error');

/**
 * Responses for the OpenAPI document: the error shape every route may give. Success bodies are
 * produced by presenters (which whitelist fields) and documented per route where they are typed.
 */
export const ERROR_RESPONSES = {
  200: z.any(), 201: z.any(),
  400: ZErrorBodySchema, 401: ZErrorBodySchema, 403: ZErrorBodySchema, 404: ZErrorBodySchema,
  409: ZErrorBodySchema, 422: ZErrorBodySchema,
} as const;
