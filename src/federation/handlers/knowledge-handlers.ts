// Inbound knowledge-base messages: `knowledge.article` (the full current version of a shared
// article), `knowledge.attachment` (one file's bytes) and `knowledge.unshared`; one schema per body
// version (reusing the knowledge domain's limits and enums), applied by the knowledge use cases
// inside the inbox transaction.
import { z } from 'zod';
import { ZTlpSchema } from '../../domain/case/index.js';
import { ARTICLE_KINDS, ARTICLE_STATUSES } from '../../domain/knowledge/article-types.js';
import { ARTICLE_LIMITS } from '../../domain/knowledge/article-validation.js';
import type { ServiceContext } from '../../services/context.js';
import {
  KNOWLEDGE_ARTICLE,
  KNOWLEDGE_ATTACHMENT,
  KNOWLEDGE_UNSHARED,
  type KnowledgeArticleBody,
  type KnowledgeAttachmentBody,
  type KnowledgeUnsharedBody,
} from '../../services/knowledge/knowledge-messages.js';
import { receiveArticle, receiveAttachment, receiveUnshare } from '../../services/knowledge/receive-article.js';
import type { Queryable } from '../../storage/db.js';
import { registerInboundHandler, type InboundMessage } from '../inbound-handlers.js';

const Id = z.string().min(1).max(128);
const Iso = z.iso.datetime({ offset: true });
const Text = (max: number) => z.string().max(max);
const Bilingual = (max: number) => z.object({ en: Text(max), zh: Text(max) });
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const ZAttachmentMeta = z.object({
  id: Id,
  fileName: Text(255),
  mediaType: Text(255),
  size: z.number().int().min(1),
  sha256: Hex64,
});

const ZArticleV1: z.ZodType<KnowledgeArticleBody> = z.object({
  article: z.object({
    id: Id,
    version: z.number().int().min(1),
    kind: z.enum(ARTICLE_KINDS),
    title: Bilingual(ARTICLE_LIMITS.title),
    body: Bilingual(ARTICLE_LIMITS.body),
    summary: Bilingual(ARTICLE_LIMITS.summary),
    tags: z.array(Text(ARTICLE_LIMITS.tag)).max(ARTICLE_LIMITS.tags),
    concerns: z.array(Text(128)).max(ARTICLE_LIMITS.concerns),
    status: z.enum(ARTICLE_STATUSES),
    tlp: ZTlpSchema,
    authorName: Text(300),
    createdAt: Iso,
    updatedAt: Iso,
  }),
  note: Text(2000),
  attachments: z.array(ZAttachmentMeta).max(100),
});
const ZAttachmentV1: z.ZodType<KnowledgeAttachmentBody> = z.object({
  articleId: Id,
  attachment: ZAttachmentMeta.extend({ addedBy: Text(300), addedAt: Iso }),
  content: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
const ZUnsharedV1: z.ZodType<KnowledgeUnsharedBody> = z.object({ articleId: Id });

export async function applyKnowledgeArticle(
  ctx: ServiceContext,
  tx: Queryable,
  msg: InboundMessage<KnowledgeArticleBody>,
): Promise<void> {
  await receiveArticle(ctx, tx, { kind: 'peer', partyId: msg.from, name: msg.body.article.authorName }, msg.body);
}

export async function applyKnowledgeAttachment(
  ctx: ServiceContext,
  tx: Queryable,
  msg: InboundMessage<KnowledgeAttachmentBody>,
): Promise<void> {
  await receiveAttachment(ctx, tx, { kind: 'peer', partyId: msg.from }, msg.body);
}

export async function applyKnowledgeUnshared(
  ctx: ServiceContext,
  tx: Queryable,
  msg: InboundMessage<KnowledgeUnsharedBody>,
): Promise<void> {
  await receiveUnshare(ctx, tx, { kind: 'peer', partyId: msg.from }, msg.body);
}

export function registerKnowledgeHandlers(): void {
  registerInboundHandler(KNOWLEDGE_ARTICLE, { schemas: { 1: ZArticleV1 }, handler: applyKnowledgeArticle });
  registerInboundHandler(KNOWLEDGE_ATTACHMENT, { schemas: { 1: ZAttachmentV1 }, handler: applyKnowledgeAttachment });
  registerInboundHandler(KNOWLEDGE_UNSHARED, { schemas: { 1: ZUnsharedV1 }, handler: applyKnowledgeUnshared });
}
