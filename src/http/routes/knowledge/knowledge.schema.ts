// Request shapes of the knowledge-base routes (validation, OpenAPI and the web client).
import { z } from 'zod';
import { TLP_LEVELS } from '../../../domain/case/tlp.js';
import { ARTICLE_KINDS, ARTICLE_STATUSES } from '../../../domain/knowledge/article-types.js';
import { ARTICLE_LIMITS } from '../../../domain/knowledge/article-validation.js';
import { FALLBACK_MEDIA_TYPE, ZMediaTypeSchema } from '../../../domain/shared/media-type.js';
import { ruleMessage } from '../../../domain/shared/bilingual.js';
import { commaList } from '../common.schema.js';

const Text = (max: number) => z.string().max(max);
const ZBilingualText = (max: number) => z.object({ en: Text(max).default(''), zh: Text(max).default('') });

export const ZArticleContentSchema = z.object({
  kind: z.enum(ARTICLE_KINDS),
  title: ZBilingualText(ARTICLE_LIMITS.title),
  body: ZBilingualText(ARTICLE_LIMITS.body),
  summary: ZBilingualText(ARTICLE_LIMITS.summary).default({ en: '', zh: '' }),
  tags: z.array(Text(ARTICLE_LIMITS.tag)).max(ARTICLE_LIMITS.tags).default([]),
  concerns: z.array(Text(128)).max(ARTICLE_LIMITS.concerns).default([]),
  status: z.enum(ARTICLE_STATUSES).default('draft'),
  tlp: z.enum(TLP_LEVELS).default('GREEN'),
});
export type TArticleContent = z.infer<typeof ZArticleContentSchema>;

export const ZUpdateArticleSchema = z.object({
  content: ZArticleContentSchema,
  note: Text(2000).default(''),
  /** The version the editor started from (optimistic lock). */
  expectedVersion: z.number().int().min(1),
});

const PeerIds = z.array(z.string().min(1).max(128));

export const ZSharePeersSchema = z.object({ peers: PeerIds.min(1).max(50) });

/** Peers and/or sharing groups (docs/federation.md §19), groups expanded to their active peer members. */
export const ZShareArticleSchema = z
  .object({ peers: PeerIds.max(50).default([]), groups: PeerIds.max(20).optional() })
  .refine((s) => s.peers.length + (s.groups?.length ?? 0) > 0, {
    message: ruleMessage('Choose at least one peer or sharing group.', '请至少选择一个对等节点或共享分组。'),
    path: ['peers'],
  });

export const ZArticleListQuerySchema = z.object({
  kind: commaList(ARTICLE_KINDS, 'article kinds'),
  status: commaList(ARTICLE_STATUSES, 'article statuses'),
  tag: z.string().max(ARTICLE_LIMITS.tag).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const ZArticleVersionParamsSchema = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().min(1).max(1_000_000),
});
export const ZAttachmentParamsSchema = z.object({ id: z.uuid(), attachmentId: z.uuid() });
export const ZAttachmentUploadQuerySchema = z.object({
  fileName: z.string().min(1).max(255),
  mediaType: ZMediaTypeSchema.default(FALLBACK_MEDIA_TYPE),
});
