// Shapes shared by many routes: id parameters, pagination, and the error body for OpenAPI.
import { z } from 'zod';

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
