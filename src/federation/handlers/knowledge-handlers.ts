// Inbound knowledge-base messages: `knowledge.article` (the full current version of a shared
// article), `knowledge.attachment` (one file's bytes) and `knowledge.unshared`; shape-checked
// here, applied by the knowledge use cases inside the inbox transaction.
import { z } from 'zod';
import { ZTlpSchema } from '../../domain/case/index.js';
import { ARTICLE_KINDS, ARTICLE_STATUSES } from '../../domain/knowledge/article-types.js';
import { ARTICLE_LIMITS } from '../../domain/knowledge/article-validation.js';
import type { ServiceContext } from '../../services/context.js';
import {
  KNOWLEDGE_ARTICLE, KNOWLEDGE_ATTACHMENT, KNOWLEDGE_UNSHARED,
  type KnowledgeArticleBody, type KnowledgeAttachmentBody, type KnowledgeUnsharedBody,
} from '../../services/knowledge/knowledge-messages.js';
import { receiveArticle, receiveAttachment, receiveUnshare } from '../../services/knowledge/receive-article.js';
import type { Queryable } from '../../storage/db.js';
import type { InboundMessage } from '../inbound-handlers.js';
import { parseBody } from './parse-body.js';

const Id = z.string().min(1).max(128);
const Iso = z.iso.datetime({ offset: true });
const Text = (max: number) => z.string().max(max);
const Bilingual = (max: number) => z.object({ en: Text(max), zh: Text(max) });
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const ZAttachmentMeta = z.object({ id: Id, fileName: Text(255), mediaType: Text(255), size: z.number().int().min(1), sha256: Hex64 });

const ZArticle = z.object({
  article: z.object({
    id: Id, version: z.number().int().min(1), kind: z.enum(ARTICLE_KINDS), title: Bilingual(ARTICLE_LIMITS.title),
    body: Bilingual(ARTICLE_LIMITS.body), summary: Bilingual(ARTICLE_LIMITS.summary),
    tags: z.array(Text(ARTICLE_LIMITS.tag)).max(ARTICLE_LIMITS.tags), concerns: z.array(Text(128)).max(ARTICLE_LIMITS.concerns),
    status: z.enum(ARTICLE_STATUSES), tlp: ZTlpSchema, authorName: Text(300), createdAt: Iso, updatedAt: Iso,
  }),
  note: Text(2000),
  attachments: z.array(ZAttachmentMeta).max(100),
});
const ZAttachment = z.object({
  articleId: Id,
  attachment: ZAttachmentMeta.extend({ addedBy: Text(300), addedAt: Iso }),
  content: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
const ZUnshared = z.object({ articleId: Id });

export async function applyKnowledgeArticle(ctx: ServiceContext, tx: Queryable, msg: InboundMessage): Promise<void> {
  const body = parseBody(ZArticle, msg) as KnowledgeArticleBody;
  await receiveArticle(ctx, tx, { kind: 'peer', partyId: msg.from, name: body.article.authorName }, body);
}

export async function applyKnowledgeAttachment(ctx: ServiceContext, tx: Queryable, msg: InboundMessage): Promise<void> {
  const body = parseBody(ZAttachment, msg) as KnowledgeAttachmentBody;
  await receiveAttachment(ctx, tx, { kind: 'peer', partyId: msg.from }, body);
}

export async function applyKnowledgeUnshared(ctx: ServiceContext, tx: Queryable, msg: InboundMessage): Promise<void> {
  const body = parseBody(ZUnshared, msg) as KnowledgeUnsharedBody;
  await receiveUnshare(ctx, tx, { kind: 'peer', partyId: msg.from }, body);
}

export const KNOWLEDGE_HANDLERS = [
  [KNOWLEDGE_ARTICLE, applyKnowledgeArticle],
  [KNOWLEDGE_ATTACHMENT, applyKnowledgeAttachment],
  [KNOWLEDGE_UNSHARED, applyKnowledgeUnshared],
] as const;
