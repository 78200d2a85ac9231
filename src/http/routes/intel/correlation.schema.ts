// Request shapes for correlation alerts, lookups and exclusions (docs/spec.md §4.5).
import { z } from 'zod';
import { ruleMessage } from '../../../domain/shared/bilingual.js';
import { OBSERVABLE_TYPES } from '../../../domain/case/observable-types.js';
import { SOURCE_KINDS } from '../../../intel/correlation/rules.js';

export const ZAlertListQuerySchema = z.object({
  state: z.enum(['open', 'acked', 'all']).default('open'),
  kind: z.enum(SOURCE_KINDS).optional(),
  sourceId: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ZAlertParamsSchema = z.object({ id: z.uuid() });

export const ZCorrelationQuerySchema = z.object({
  type: z.enum(OBSERVABLE_TYPES),
  value: z.string().min(1).max(4096),
});

export const ZAddExclusionSchema = z.object({
  type: z.enum(OBSERVABLE_TYPES),
  value: z.string().min(1).max(4096),
  reason: z.string().trim().min(1).max(500),
});

export const ZExclusionParamsSchema = z.object({
  type: z.enum(OBSERVABLE_TYPES),
  hash: z.string().regex(/^[0-9a-f]{32}$/, ruleMessage('Not a valid value key.', '不是有效的值标识。')),
});
