// Use cases: list articles, read one with its version history and attachments, read one version.
import { AppError } from '../../errors.js';
import type {
  ArticleKind,
  ArticleRecord,
  ArticleStatus,
  ArticleVersion,
} from '../../domain/knowledge/article-types.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { rolesHave } from '../../domain/user/permissions.js';
import {
  findArticleVersion,
  listArticles as queryArticles,
  listArticleVersions,
  listAttachments,
  type AttachmentMeta,
} from '../../storage/repositories/knowledge.repository.js';
import type { ServiceContext } from '../context.js';
import { loadArticle } from './knowledge-support.js';

export type ArticleListQuery = {
  kinds?: ArticleKind[];
  statuses?: ArticleStatus[];
  tag?: string;
  limit: number;
  offset: number;
};

export async function listArticles(
  ctx: ServiceContext,
  actor: UserActor,
  q: ArticleListQuery,
): Promise<ArticleRecord[]> {
  const canSeeDrafts = rolesHave(actor.roles, 'knowledge:edit');
  const statuses = q.statuses?.length ? q.statuses : (['draft', 'published'] as ArticleStatus[]);
  return queryArticles(ctx.db, { ...q, statuses: canSeeDrafts ? statuses : statuses.filter((s) => s !== 'draft') });
}

export type ArticleDetail = {
  article: ArticleRecord;
  versions: Omit<ArticleVersion, 'content'>[];
  attachments: AttachmentMeta[];
};

export async function getArticle(ctx: ServiceContext, actor: UserActor, id: string): Promise<ArticleDetail> {
  const article = await loadArticle(ctx.db, actor, id);
  const versions = (await listArticleVersions(ctx.db, id)).map(({ content: _c, ...v }) => v);
  return { article, versions, attachments: await listAttachments(ctx.db, id) };
}

export async function getArticleVersion(
  ctx: ServiceContext,
  actor: UserActor,
  id: string,
  version: number,
): Promise<ArticleVersion> {
  await loadArticle(ctx.db, actor, id);
  const v = await findArticleVersion(ctx.db, id, version);
  if (!v) throw new AppError('KNOWLEDGE_VERSION_NOT_FOUND', { details: { id, version } });
  return v;
}
