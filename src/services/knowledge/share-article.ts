// Use cases: share an article with chosen peers (they receive the current version and its
// attachments) and stop sharing (they are told to withdraw their copy). TLP decides what may go.
import { AppError } from '../../errors.js';
import { shareArticle as planShare, unshareArticle as planUnshare } from '../../domain/knowledge/article-rules.js';
import type { ArticleRecord } from '../../domain/knowledge/article-types.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { enqueueMessage } from '../../federation/outbox.js';
import type { Queryable } from '../../storage/db.js';
import { findAttachment, listAttachments } from '../../storage/repositories/knowledge.repository.js';
import { findPeer } from '../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../context.js';
import { openAttachment } from './attachment-store.js';
import { loadArticle, saveArticleChange } from './knowledge-support.js';
import {
  KNOWLEDGE_ATTACHMENT,
  KNOWLEDGE_CHANNEL,
  KNOWLEDGE_UNSHARED,
  type KnowledgeAttachmentBody,
} from './knowledge-messages.js';

async function requirePeers(tx: Queryable, peers: readonly string[]): Promise<void> {
  for (const party of peers) {
    if (!(await findPeer(tx, party))) throw new AppError('KNOWLEDGE_UNKNOWN_PEER', { details: { party } });
  }
}

/** Sends every attachment's bytes to `to` (after the article message, on the same ordered channel). */
export async function sendAttachments(
  tx: Queryable,
  ctx: ServiceContext,
  article: ArticleRecord,
  to: string,
  ids?: readonly string[],
): Promise<void> {
  for (const meta of await listAttachments(tx, article.id)) {
    if (ids && !ids.includes(meta.id)) continue;
    const stored = await findAttachment(tx, article.id, meta.id);
    if (!stored) continue;
    const body: KnowledgeAttachmentBody = {
      articleId: article.id,
      attachment: {
        id: meta.id,
        fileName: meta.fileName,
        mediaType: meta.mediaType,
        size: meta.size,
        sha256: meta.sha256,
        addedBy: meta.addedBy,
        addedAt: meta.addedAt,
      },
      content: openAttachment(ctx, stored).toString('base64'),
    };
    await enqueueMessage(tx, ctx, { to, channel: KNOWLEDGE_CHANNEL, type: KNOWLEDGE_ATTACHMENT, schema: 1, body });
  }
}

export async function shareArticle(
  ctx: ServiceContext,
  actor: UserActor,
  id: string,
  peers: readonly string[],
): Promise<ArticleRecord> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const before = await loadArticle(tx, actor, id, true);
    const { record, events } = planShare(before, peers, now, ctx.config.nodeId);
    await requirePeers(tx, peers);
    const added = record.sharedWith.filter((p) => !before.sharedWith.includes(p));
    await saveArticleChange(tx, ctx, { actor, before, after: record, events, note: '', sendTo: added }, now);
    for (const to of added) await sendAttachments(tx, ctx, record, to);
    return record;
  });
}

export async function unshareArticle(
  ctx: ServiceContext,
  actor: UserActor,
  id: string,
  peers: readonly string[],
): Promise<ArticleRecord> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const before = await loadArticle(tx, actor, id, true);
    const { record, events } = planUnshare(before, peers, now, ctx.config.nodeId);
    await saveArticleChange(tx, ctx, { actor, before, after: record, events, note: '' }, now);
    const removed = before.sharedWith.filter((p) => !record.sharedWith.includes(p));
    for (const to of removed) {
      await enqueueMessage(tx, ctx, {
        to,
        channel: KNOWLEDGE_CHANNEL,
        type: KNOWLEDGE_UNSHARED,
        schema: 1,
        body: { articleId: id },
      });
    }
    return record;
  });
}
