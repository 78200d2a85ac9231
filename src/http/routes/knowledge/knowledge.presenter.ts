// What the API shows of articles: whitelisted fields, plus whether this node may edit the article
// (received copies are read-only and name their origin).
import type { ArticleRecord, ArticleVersion } from '../../../domain/knowledge/article-types.js';
import type { ArticleDetail } from '../../../services/knowledge/read-articles.js';
import type { AttachmentMeta } from '../../../storage/repositories/knowledge.repository.js';

export function presentArticle(a: ArticleRecord, localParty: string) {
  return {
    id: a.id,
    kind: a.kind,
    title: a.title,
    body: a.body,
    summary: a.summary,
    tags: a.tags,
    concerns: a.concerns,
    status: a.status,
    tlp: a.tlp,
    originParty: a.originParty,
    isOwn: a.originParty === localParty,
    version: a.version,
    authorName: a.authorName,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    sharedWith: a.sharedWith,
  };
}

export function presentArticleSummary(a: ArticleRecord, localParty: string) {
  return {
    id: a.id,
    kind: a.kind,
    title: a.title,
    summary: a.summary,
    tags: a.tags,
    status: a.status,
    tlp: a.tlp,
    originParty: a.originParty,
    isOwn: a.originParty === localParty,
    version: a.version,
    authorName: a.authorName,
    updatedAt: a.updatedAt,
  };
}

export function presentAttachment(m: AttachmentMeta) {
  return {
    id: m.id,
    fileName: m.fileName,
    mediaType: m.mediaType,
    size: m.size,
    sha256: m.sha256,
    addedBy: m.addedBy,
    addedAt: m.addedAt,
  };
}

export function presentArticleDetail(d: ArticleDetail, localParty: string) {
  return {
    ...presentArticle(d.article, localParty),
    versions: d.versions.map((v) => ({ version: v.version, authorName: v.authorName, note: v.note, at: v.at })),
    attachments: d.attachments.map(presentAttachment),
  };
}

export function presentArticleVersion(v: ArticleVersion) {
  return { version: v.version, authorName: v.authorName, note: v.note, at: v.at, content: v.content };
}
