// Zod schemas of the STIX routes (docs/spec.md §5.1): object list filters, export filters, object id.
import { z } from 'zod';
import { ruleMessage } from '../../../domain/shared/bilingual.js';

const STIX_TYPE_LIST = z
  .string()
  .max(400)
  .regex(
    /^[a-z0-9-]+(,[a-z0-9-]+)*$/,
    ruleMessage(
      'List STIX types separated by commas, e.g. indicator,malware.',
      '请用逗号分隔 STIX 类型，例如 indicator,malware。',
    ),
  )
  .optional()
  .describe('comma-separated STIX object types, e.g. indicator,domain-name');
const COLLECTION = z.string().min(1).max(200).optional().describe('collection id or alias (default: local)');

export const ZIntelObjectListQuerySchema = z.object({
  type: STIX_TYPE_LIST,
  q: z.string().max(200).optional().describe('text in the id, name, pattern or value'),
  collection: COLLECTION,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ZStixExportQuerySchema = z.object({ type: STIX_TYPE_LIST, collection: COLLECTION });

export const ZStixImportQuerySchema = z.object({ collection: COLLECTION });

export const ZStixIdParamsSchema = z.object({
  id: z
    .string()
    .max(300)
    .regex(
      /^[a-z0-9-]+--[0-9a-fA-F-]{36}$/,
      ruleMessage('Not a STIX identifier (type--UUID).', '不是有效的 STIX 标识（类型--UUID）。'),
    ),
});
