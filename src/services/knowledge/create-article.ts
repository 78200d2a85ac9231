// Use case: an officer writes a new knowledge-base article (version 1).
import { createArticle as buildArticle } from '../../domain/knowledge/article-rules.js';
import type { ArticleContent, ArticleRecord } from '../../domain/knowledge/article-types.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import type { ServiceContext } from '../context.js';
import { saveArticleChange } from './knowledge-support.js';

export async function createArticle(
  ctx: ServiceContext,
  actor: UserActor,
  content: ArticleContent,
): Promise<ArticleRecord> {
  const now = ctx.clock();
  const { record, events } = buildArticle(content, actor, now, { id: newId(), localParty: ctx.config.nodeId });
  await ctx.db.transaction((tx) =>
    saveArticleChange(tx, ctx, { actor, before: null, after: record, events, note: '' }, now),
  );
  return record;
}
