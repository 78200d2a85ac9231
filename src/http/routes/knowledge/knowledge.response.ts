// What the knowledge-base routes answer with, as zod schemas: Fastify serialises through them (only these
// fields leave the node) and the OpenAPI document — and so the web client's types — come from them.
import { z } from 'zod';
import { ARTICLE_KINDS, ARTICLE_STATUSES } from '../../../domain/knowledge/article-types.js';
import { ZArticleRecord } from '../../../domain/knowledge/record-schema.js';
import { ZBilingualSchema } from '../common.schema.js';

export const ZKnowledgeMetaSchema = z
  .object({
    kinds: z.array(z.enum(ARTICLE_KINDS)).readonly(),
    statuses: z.array(z.enum(ARTICLE_STATUSES)).readonly(),
    tlp: z.record(z.string(), z.object({ label: z.string(), description: ZBilingualSchema })),
    maxAttachmentBytes: z.number(),
    localParty: z.string(),
  })
  .meta({ id: 'KnowledgeMeta' });

export const ZArticleContentViewSchema = ZArticleRecord.pick({
  kind: true,
  title: true,
  body: true,
  summary: true,
  tags: true,
  concerns: true,
  status: true,
  tlp: true,
}).meta({ id: 'ArticleContent' });

/** An article as shown: the author's account id stays on this node; `isOwn` says whether it may be edited here. */
export const ZArticleViewSchema = ZArticleRecord.omit({ authorId: true })
  .extend({ isOwn: z.boolean() })
  .meta({ id: 'ArticleView' });

export const ZArticleSummarySchema = ZArticleViewSchema.pick({
  id: true,
  kind: true,
  title: true,
  summary: true,
  tags: true,
  status: true,
  tlp: true,
  originParty: true,
  isOwn: true,
  version: true,
  authorName: true,
  updatedAt: true,
}).meta({ id: 'ArticleSummary' });

export const ZArticleAttachmentSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    mediaType: z.string(),
    size: z.number(),
    sha256: z.string(),
    addedBy: z.string(),
    addedAt: z.string(),
  })
  .meta({ id: 'ArticleAttachment' });

const ZVersionEntry = z.object({ version: z.number(), authorName: z.string(), note: z.string(), at: z.string() });

export const ZArticleDetailSchema = ZArticleViewSchema.extend({
  versions: z.array(ZVersionEntry),
  attachments: z.array(ZArticleAttachmentSchema),
}).meta({ id: 'ArticleDetail' });

export const ZArticleVersionSchema = ZVersionEntry.extend({ content: ZArticleContentViewSchema }).meta({
  id: 'ArticleVersion',
});
