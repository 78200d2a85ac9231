// Zod schemas of the TAXII admin API: collections with their sharing scope, feeds, party accounts.
import { z } from 'zod';
import { ruleMessage } from '../../../domain/shared/bilingual.js';
import { TLP_LEVELS } from '../../../domain/case/tlp.js';
import { API_ROOT_NAME } from '../../../intel/taxii/access.js';
import { isTaxiiTimestamp } from '../../../intel/taxii/filters.js';

/** A federation party id (node id) or '*' for every party. */
const ZPartySchema = z
  .string()
  .regex(
    /^(\*|[a-z0-9][a-z0-9._-]{0,63})$/i,
    ruleMessage(
      'Enter a partner’s node id, or * for every partner.',
      '请输入合作方的节点标识，或用 * 表示所有合作方。',
    ),
  );
const ZPartyListSchema = z.array(ZPartySchema).max(200);
const ZAliasSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,62}$/,
    ruleMessage('Use lower-case letters, digits, - and _ (up to 63).', '请使用小写字母、数字、- 和 _（最多 63 个）。'),
  );
const ZLooseIdSchema = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    ruleMessage('Not a valid identifier.', '标识格式无效。'),
  );

export const ZCollectionIdParamsSchema = z.object({ id: ZLooseIdSchema });

export const ZCreateCollectionBodySchema = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  alias: ZAliasSchema.nullable().optional(),
  readers: ZPartyListSchema.optional(),
  writers: ZPartyListSchema.optional(),
  readerGroups: z
    .array(z.string().min(1).max(128))
    .max(20)
    .optional()
    .describe('sharing groups whose active peer members are added to readers on save (docs/federation.md §19)'),
  writerGroups: z
    .array(z.string().min(1).max(128))
    .max(20)
    .optional()
    .describe('sharing groups whose active peer members are added to writers on save'),
  maxTlp: z.enum(TLP_LEVELS).optional(),
  apiRoot: z
    .string()
    .regex(API_ROOT_NAME, ruleMessage('Use lower-case letters, digits and -.', '请使用小写字母、数字和 -。'))
    .optional()
    .describe('TAXII API root to serve the collection under (/taxii2/<apiRoot>/); "api" by default'),
});
export type TCreateCollectionBody = z.infer<typeof ZCreateCollectionBodySchema>;

export const ZUpdateCollectionBodySchema = ZCreateCollectionBodySchema.partial();

const ZFeedAuthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('bearer'), token: z.string().min(1).max(2000) }),
  z.object({ kind: z.literal('basic'), username: z.string().min(1).max(200), password: z.string().min(1).max(2000) }),
]);

const ZTimestampSchema = z
  .string()
  .max(40)
  .refine(
    isTaxiiTimestamp,
    ruleMessage('Enter a date and time such as 2026-01-31T00:00:00Z.', '请输入日期和时间，例如 2026-01-31T00:00:00Z。'),
  );

export const ZCreateFeedBodySchema = z.object({
  name: z.string().trim().min(1).max(200),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .describe('discovery or API root URL of the remote TAXII server'),
  collection: z.string().trim().min(1).max(300).describe('remote collection id, alias or title'),
  targetCollection: z.string().min(1).max(100).default('local').describe('local collection id or alias'),
  auth: ZFeedAuthSchema.default({ kind: 'none' }),
  intervalMinutes: z.number().int().min(5).max(10_080).default(60),
  enabled: z.boolean().default(true),
  addedAfter: ZTimestampSchema.nullable().optional(),
});
export type TCreateFeedBody = z.infer<typeof ZCreateFeedBodySchema>;

export const ZUpdateFeedBodySchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  collection: z.string().trim().min(1).max(300).optional(),
  targetCollection: z.string().min(1).max(100).optional(),
  auth: ZFeedAuthSchema.optional(),
  intervalMinutes: z.number().int().min(5).max(10_080).optional(),
  enabled: z.boolean().optional(),
  addedAfter: ZTimestampSchema.nullable().optional(),
});

export const ZPartyAccountBodySchema = z.object({
  party: ZPartySchema.refine(
    (p) => p !== '*',
    ruleMessage('Choose one partner, not *.', '请选择一个具体的合作方，不能用 *。'),
  ),
});
