// Use cases on the receiving node: store or replace the read-only copy of a shared article (only a
// newer version replaces it), store its attachments re-encrypted here, and remove it on unshare.
import { receiveArticleVersion } from '../../domain/knowledge/article-rules.js';
import type { ArticleRecord } from '../../domain/knowledge/article-types.js';
import { sha256Hex } from '../../domain/case/evidence-crypto.js';
import type { PeerActor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import type { Queryable } from '../../storage/db.js';
import {
  deleteArticleCopy,
  findArticle,
  findAttachment,
  insertArticle,
  insertArticleVersion,
  insertAttachment,
  updateArticle,
} from '../../storage/repositories/knowledge.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { indexSearchDocument, removeSearchDocument } from '../search/index-search-document.js';
import { articleDocument } from '../search/search-documents.js';
import { sealAttachment } from './attachment-store.js';
import { ARTICLE_SUBJECT } from './knowledge-support.js';
import type { KnowledgeArticleBody, KnowledgeAttachmentBody, KnowledgeUnsharedBody } from './knowledge-messages.js';

export async function receiveArticle(
  ctx: ServiceContext,
  tx: Queryable,
  from: PeerActor,
  body: KnowledgeArticleBody,
): Promise<void> {
  const now = ctx.clock();
  const existing = await findArticle(tx, body.article.id, true);
  const { id, version, authorName, createdAt, updatedAt, ...content } = body.article;
  const incoming: ArticleRecord = {
    ...content,
    id,
    version,
    authorName,
    createdAt,
    updatedAt,
    originParty: from.partyId,
    authorId: null,
    sharedWith: [],
  };
  if (receiveArticleVersion(existing, incoming, from.partyId) === 'ignore') return;
  if (existing) await updateArticle(tx, incoming, existing.version);
  else await insertArticle(tx, incoming);
  await insertArticleVersion(tx, { articleId: id, version, content, authorName, note: body.note, at: updatedAt });
  await recordChange(
    tx,
    {
      actor: from,
      subjectType: ARTICLE_SUBJECT,
      subjectId: id,
      events: [{ type: 'received', at: now.toISOString(), data: { version, originParty: from.partyId } }],
    },
    now,
  );
  await indexSearchDocument(tx, articleDocument(incoming));
}

export async function receiveAttachment(
  ctx: ServiceContext,
  tx: Queryable,
  from: PeerActor,
  body: KnowledgeAttachmentBody,
): Promise<void> {
  const article = await findArticle(tx, body.articleId);
  // Only the article's origin adds files to it; a copy we no longer hold takes none.
  if (!article || article.originParty !== from.partyId) return;
  if (await findAttachment(tx, body.articleId, body.attachment.id)) return;
  const bytes = Buffer.from(body.content, 'base64');
  if (bytes.length !== body.attachment.size || sha256Hex(bytes) !== body.attachment.sha256) {
    throw new AppError('KNOWLEDGE_ATTACHMENT_INTEGRITY_FAILED', { details: { id: body.attachment.id } });
  }
  const { id, fileName, mediaType, addedBy, addedAt } = body.attachment;
  await insertAttachment(
    tx,
    sealAttachment(ctx, { id, articleId: body.articleId, fileName, mediaType, addedBy, addedAt }, bytes),
  );
}

/**
 * The origin stopped sharing: the copy, its versions and attachments are removed from this node
 * and from the search index (the audit log keeps that it was held and withdrawn). A later share
 * sends the article afresh.
 */
export async function receiveUnshare(
  ctx: ServiceContext,
  tx: Queryable,
  from: PeerActor,
  body: KnowledgeUnsharedBody,
): Promise<void> {
  const now = ctx.clock();
  const existing = await findArticle(tx, body.articleId, true);
  if (!existing || existing.originParty !== from.partyId) return;
  await deleteArticleCopy(tx, existing.id);
  await recordChange(
    tx,
    {
      actor: from,
      subjectType: ARTICLE_SUBJECT,
      subjectId: existing.id,
      events: [
        { type: 'withdrawn', at: now.toISOString(), data: { originParty: from.partyId, version: existing.version } },
      ],
    },
    now,
  );
  await removeSearchDocument(tx, 'article', existing.id);
}
