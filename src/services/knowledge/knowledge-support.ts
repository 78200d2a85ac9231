// Shared steps of the knowledge use cases: load an article the actor may see, and save a change
// with its version copy, audit entry, history, search index row and outgoing federation
// messages — all in the caller's transaction.
import { AppError } from '../../errors.js';
import type { ArticleEvent, ArticleRecord } from '../../domain/knowledge/article-types.js';
import type { Actor, UserActor } from '../../domain/shared/actor.js';
import { rolesHave } from '../../domain/user/permissions.js';
import { enqueueMessage, type OutboundMessage } from '../../federation/outbox.js';
import type { Queryable } from '../../storage/db.js';
import {
  findArticle,
  insertArticle,
  insertArticleVersion,
  listAttachments,
  updateArticle,
} from '../../storage/repositories/knowledge.repository.js';
import { insertRecordMessage } from '../../storage/repositories/record-message.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { indexSearchDocument } from '../search/index-search-document.js';
import { articleDocument } from '../search/search-documents.js';
import { articleBody, KNOWLEDGE_ARTICLE, KNOWLEDGE_CHANNEL } from './knowledge-messages.js';

export const ARTICLE_SUBJECT = 'knowledge_article';

/**
 * Enqueues one knowledge message about an article and files it under the article, so the article's
 * per-recipient delivery status can be shown (GET /knowledge/articles/:id/deliveries).
 */
export async function sendAboutArticle(
  tx: Queryable,
  ctx: ServiceContext,
  articleId: string,
  message: Omit<OutboundMessage, 'channel' | 'schema'>,
): Promise<void> {
  const sent = await enqueueMessage(tx, ctx, { ...message, channel: KNOWLEDGE_CHANNEL, schema: 1 });
  await insertRecordMessage(tx, {
    mid: sent.mid,
    subjectType: ARTICLE_SUBJECT,
    subjectId: articleId,
    mtype: message.type,
    createdAt: ctx.clock().toISOString(),
  });
}

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
    await sendAboutArticle(tx, ctx, after.id, { to, type: KNOWLEDGE_ARTICLE, body });
  }
}
