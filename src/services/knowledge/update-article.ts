// Use case: the author's node saves a new version; peers it is shared with receive that version.
import { reviseArticle } from '../../domain/knowledge/article-rules.js';
import type { ArticleContent, ArticleRecord } from '../../domain/knowledge/article-types.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../context.js';
import { loadArticle, saveArticleChange } from './knowledge-support.js';

export type UpdateArticleInput = { content: ArticleContent; note: string; expectedVersion: number };

export async function updateArticle(
  ctx: ServiceContext,
  actor: UserActor,
  id: string,
  input: UpdateArticleInput,
): Promise<ArticleRecord> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const before = await loadArticle(tx, actor, id, true);
    // The editor saw an older version: refuse rather than silently overwrite someone's edit.
    if (before.version !== input.expectedVersion)
      throw new AppError('CONFLICT', { details: { id, version: before.version } });
    const { record, events } = reviseArticle(before, input.content, actor, now, ctx.config.nodeId, input.note.trim());
    await saveArticleChange(tx, ctx, { actor, before, after: record, events, note: input.note.trim() }, now);
    return record;
  });
}
