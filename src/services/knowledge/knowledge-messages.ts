// The federation messages of the knowledge base, on their own ordered channel: the full current
// version of a shared article, the bytes of each attachment, and the end of a share.
import type { ArticleContent, ArticleRecord } from '../../domain/knowledge/article-types.js';
import type { AttachmentMeta } from '../../storage/repositories/knowledge.repository.js';

export const KNOWLEDGE_CHANNEL = 'knowledge';
export const KNOWLEDGE_ARTICLE = 'knowledge.article';
export const KNOWLEDGE_ATTACHMENT = 'knowledge.attachment';
export const KNOWLEDGE_UNSHARED = 'knowledge.unshared';

export type SharedAttachmentMeta = { id: string; fileName: string; mediaType: string; size: number; sha256: string };

export type KnowledgeArticleBody = {
  article: ArticleContent & { id: string; version: number; authorName: string; createdAt: string; updatedAt: string };
  note: string;
  /** What the article has attached; the bytes follow as `knowledge.attachment`. */
  attachments: SharedAttachmentMeta[];
};

export type KnowledgeAttachmentBody = {
  articleId: string;
  attachment: SharedAttachmentMeta & { addedBy: string; addedAt: string };
  content: string;
};
export type KnowledgeUnsharedBody = { articleId: string };

export function articleBody(
  a: ArticleRecord,
  attachments: readonly AttachmentMeta[],
  note: string,
): KnowledgeArticleBody {
  return {
    article: {
      id: a.id,
      version: a.version,
      kind: a.kind,
      title: a.title,
      body: a.body,
      summary: a.summary,
      tags: a.tags,
      concerns: a.concerns,
      status: a.status,
      tlp: a.tlp,
      authorName: a.authorName,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    },
    note,
    attachments: attachments.map(({ id, fileName, mediaType, size, sha256 }) => ({
      id,
      fileName,
      mediaType,
      size,
      sha256,
    })),
  };
}
