// SQL for knowledge-base articles: the current version as a document, every version in full,
// and encrypted attachments.
import { ARTICLE_DOCUMENT } from '../../domain/knowledge/record-schema.js';
import type {
  ArticleContent,
  ArticleKind,
  ArticleRecord,
  ArticleStatus,
  ArticleVersion,
} from '../../domain/knowledge/article-types.js';
import type { Queryable } from '../db.js';
import { decodeDocuments, documentKind } from './document-codec.js';
import { insertDocument, loadDocument, updateDocument, type Columns } from './document-store.js';

export const ARTICLES = documentKind('knowledge_articles', ARTICLE_DOCUMENT);

function columns(a: ArticleRecord): Columns {
  return {
    kind: a.kind,
    status: a.status,
    tlp: a.tlp,
    origin_party: a.originParty,
    tags: a.tags,
    shared_with: a.sharedWith,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  };
}

export async function insertArticle(tx: Queryable, a: ArticleRecord): Promise<void> {
  await insertDocument(tx, ARTICLES, a.id, a.version, columns(a), a);
}

/** `expectedVersion` is the version read before the change (optimistic lock). */
export async function updateArticle(tx: Queryable, a: ArticleRecord, expectedVersion: number): Promise<void> {
  await updateDocument(tx, ARTICLES, a.id, expectedVersion, a.version, columns(a), a);
}

export function findArticle(db: Queryable, id: string, forUpdate = false): Promise<ArticleRecord | null> {
  return loadDocument(db, ARTICLES, id, forUpdate);
}

export async function insertArticleVersion(tx: Queryable, v: ArticleVersion): Promise<void> {
  await tx.query(
    `INSERT INTO knowledge_article_versions (article_id, version, content, author_name, note, at)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6) ON CONFLICT (article_id, version) DO NOTHING`,
    [v.articleId, v.version, JSON.stringify(v.content), v.authorName, v.note, v.at],
  );
}

type VersionRow = {
  article_id: string;
  version: number;
  content: ArticleContent;
  author_name: string;
  note: string;
  at: Date | string;
};
const toVersion = (r: VersionRow): ArticleVersion => ({
  articleId: r.article_id,
  version: r.version,
  content: r.content,
  authorName: r.author_name,
  note: r.note,
  at: new Date(r.at).toISOString(),
});

export async function listArticleVersions(db: Queryable, articleId: string): Promise<ArticleVersion[]> {
  const rows = await db.query<VersionRow>(
    'SELECT * FROM knowledge_article_versions WHERE article_id = $1 ORDER BY version DESC',
    [articleId],
  );
  return rows.map(toVersion);
}

export async function findArticleVersion(
  db: Queryable,
  articleId: string,
  version: number,
): Promise<ArticleVersion | null> {
  const rows = await db.query<VersionRow>(
    'SELECT * FROM knowledge_article_versions WHERE article_id = $1 AND version = $2',
    [articleId, version],
  );
  return rows[0] ? toVersion(rows[0]) : null;
}

export type ArticleFilter = {
  kinds?: ArticleKind[];
  statuses?: ArticleStatus[];
  tag?: string;
  limit: number;
  offset: number;
};

export async function listArticles(db: Queryable, f: ArticleFilter): Promise<ArticleRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.kinds?.length) where.push(`kind = ANY(${p(f.kinds)}::text[])`);
  if (f.statuses?.length) where.push(`status = ANY(${p(f.statuses)}::text[])`);
  if (f.tag) where.push(`tags @> ARRAY[${p(f.tag)}]::text[]`);
  const rows = await db.query<{ doc: unknown }>(
    `SELECT doc FROM knowledge_articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY updated_at DESC, id DESC LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`,
    params,
  );
  return decodeDocuments(ARTICLES, rows);
}

/** Every article (for re-indexing). */
export async function allArticles(db: Queryable): Promise<ArticleRecord[]> {
  const rows = await db.query<{ doc: unknown }>('SELECT doc FROM knowledge_articles ORDER BY id');
  return decodeDocuments(ARTICLES, rows);
}

export type AttachmentEncryption = { alg: string; iv: string; tag: string; wrappedKey: string; masterKeyId: string };
export type AttachmentMeta = {
  id: string;
  articleId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  addedBy: string;
  addedAt: string;
};
export type StoredAttachment = AttachmentMeta & { encryption: AttachmentEncryption; ciphertext: Buffer };

type AttachmentRow = {
  id: string;
  article_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  added_by: string;
  added_at: Date | string;
  encryption?: AttachmentEncryption;
  ciphertext?: Uint8Array;
};
const toMeta = (r: AttachmentRow): AttachmentMeta => ({
  id: r.id,
  articleId: r.article_id,
  fileName: r.file_name,
  mediaType: r.media_type,
  size: r.size,
  sha256: r.sha256,
  addedBy: r.added_by,
  addedAt: new Date(r.added_at).toISOString(),
});

export async function insertAttachment(tx: Queryable, a: StoredAttachment): Promise<void> {
  await tx.query(
    `INSERT INTO knowledge_attachments (id, article_id, file_name, media_type, size, sha256, encryption, ciphertext, added_by, added_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)`,
    [
      a.id,
      a.articleId,
      a.fileName,
      a.mediaType,
      a.size,
      a.sha256,
      JSON.stringify(a.encryption),
      a.ciphertext,
      a.addedBy,
      a.addedAt,
    ],
  );
}

export async function listAttachments(db: Queryable, articleId: string): Promise<AttachmentMeta[]> {
  const rows = await db.query<AttachmentRow>(
    `SELECT id, article_id, file_name, media_type, size, sha256, added_by, added_at
     FROM knowledge_attachments WHERE article_id = $1 ORDER BY added_at, id`,
    [articleId],
  );
  return rows.map(toMeta);
}

export async function findAttachment(db: Queryable, articleId: string, id: string): Promise<StoredAttachment | null> {
  const rows = await db.query<AttachmentRow>('SELECT * FROM knowledge_attachments WHERE article_id = $1 AND id = $2', [
    articleId,
    id,
  ]);
  const r = rows[0];
  if (!r || !r.encryption || !r.ciphertext) return null;
  return { ...toMeta(r), encryption: r.encryption, ciphertext: Buffer.from(r.ciphertext) };
}

/** Removes a received copy with its versions and attachments (the origin stopped sharing it). */
export async function deleteArticleCopy(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM knowledge_attachments WHERE article_id = $1', [id]);
  await tx.query('DELETE FROM knowledge_article_versions WHERE article_id = $1', [id]);
  await tx.query('DELETE FROM knowledge_articles WHERE id = $1', [id]);
}
