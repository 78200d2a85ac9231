// Shared steps of the knowledge use cases: load an article the actor may see, and save a change
// with its version copy, audit entry, history, search index row and outgoing federation
// messages — all in the caller's transaction.
import { AppError } from '../../errors.js';
import type { ArticleEvent, ArticleRecord } from '../../domain/knowledge/article-types.js';
import type { Actor, UserActor } from '../../domain/shared/actor.js';
import { rolesHave } from '../../domain/user/permissions.js';
import { enqueueMessage } from '../../federation/outbox.js';
import type { Queryable } from '../../storage/db.js';
import {
  findArticle,
  insertArticle,
  insertArticleVersion,
  listAttachments,
  updateArticle,
} from '../../storage/repositories/knowledge.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { indexSearchDocument } from '../search/index-search-document.js';
import { articleDocument } from '../search/search-documents.js';
import { articleBody, KNOWLEDGE_ARTICLE, KNOWLEDGE_CHANNEL } from './knowledge-messages.js';

export const ARTICLE_SUBJECT = 'knowledge_article';

/** Drafts are work in progress: only editors see them. */
export function mayViewArticle(actor: UserActor, a: ArticleRecord): boolean {
  return a.status !== 'draft' || rolesHave(actor.roles, 'knowledge:edit');
}

export async function loadArticle(
  db: Queryable,
  actor: UserActor,
  id: string,
  forUpdate = false,
): Promise<ArticleRecord> {
  const a = await findArticle(db, id, forUpdate);
  if (!a || !mayViewArticle(actor, a)) throw new AppError('KNOWLEDGE_NOT_FOUND', { details: { id } });
  return a;
}

export type SaveArticle = {
  actor: Actor;
  before: ArticleRecord | null;
  after: ArticleRecord;
  events: readonly ArticleEvent[];
  note: string;
  /** Peers that must receive the current version now (beyond the version-change rule). */
  sendTo?: readonly string[];
};

export async function saveArticleChange(
  tx: Queryable,
  ctx: ServiceContext,
  change: SaveArticle,
  now: Date,
): Promise<void> {
  const { before, after, actor, events, note } = change;
  if (before === after || events.length === 0) return;
  if (before) await updateArticle(tx, after, before.version);
  else await insertArticle(tx, after);
  const isNewVersion = !before || before.version !== after.version;
  if (isNewVersion) {
    const {
      id: _id,
      originParty: _o,
      version,
      authorName,
      authorId: _a,
      createdAt: _c,
      updatedAt,
      sharedWith: _s,
      ...content
    } = after;
    await insertArticleVersion(tx, { articleId: after.id, version, content, authorName, note, at: updatedAt });
  }
  await recordChange(
    tx,
    {
      actor,
      subjectType: ARTICLE_SUBJECT,
      subjectId: after.id,
      events: events.map((e) => ({ type: e.type, at: e.at, data: e.data })),
      auditData: { title: after.title.en || after.title.zh, version: after.version },
    },
    now,
  );
  await indexSearchDocument(tx, articleDocument(after));
  // A new version reaches every peer the article is shared with; a new share gets the current version.
  const recipients = new Set([...(isNewVersion && before ? after.sharedWith : []), ...(change.sendTo ?? [])]);
  if (recipients.size === 0) return;
  const body = articleBody(after, await listAttachments(tx, after.id), note);
  for (const to of recipients) {
    await enqueueMessage(tx, ctx, { to, channel: KNOWLEDGE_CHANNEL, type: KNOWLEDGE_ARTICLE, schema: 1, body });
  }
}
