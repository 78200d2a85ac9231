// Use cases: share an article with chosen peers and sharing groups (they receive the current version
// and its attachments) and stop sharing (they are told to withdraw their copy). TLP decides what may
// go. Groups expand to their active peer members in this transaction (docs/federation.md §19).
import { AppError } from '../../errors.js';
import { shareArticle as planShare, unshareArticle as planUnshare } from '../../domain/knowledge/article-rules.js';
import type { ArticleRecord } from '../../domain/knowledge/article-types.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { Queryable } from '../../storage/db.js';
import { findAttachment, listAttachments } from '../../storage/repositories/knowledge.repository.js';
import { findPeer } from '../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../context.js';
import { recordDeliveryViews, type RecordDeliveryView } from '../federation/record-deliveries.js';
import { resolveRecipients } from '../sharing-group/resolve-recipients.js';
import { openAttachment } from './attachment-store.js';
import { ARTICLE_SUBJECT, loadArticle, saveArticleChange, sendAboutArticle } from './knowledge-support.js';
import { KNOWLEDGE_ATTACHMENT, KNOWLEDGE_UNSHARED, type KnowledgeAttachmentBody } from './knowledge-messages.js';

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
    await sendAboutArticle(tx, ctx, article.id, { to, type: KNOWLEDGE_ATTACHMENT, body });
  }
}

export async function shareArticle(
  ctx: ServiceContext,
  actor: UserActor,
  id: string,
  choice: { peers?: readonly string[]; groups?: readonly string[] },
): Promise<ArticleRecord> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const before = await loadArticle(tx, actor, id, true);
    const expansion = choice.groups?.length
      ? await resolveRecipients(tx, ctx.config.nodeId, { parties: choice.peers, groups: choice.groups })
      : null;
    const peers = expansion ? expansion.recipients : (choice.peers ?? []);
    const planned = planShare(before, peers, now, ctx.config.nodeId);
    await requirePeers(tx, peers);
    const { record } = planned;
    // The audit entry names the groups and what each expanded to (or skipped), as a case share's does.
    const events = expansion
      ? planned.events.map((e) => ({ ...e, data: { ...e.data, groupExpansion: expansion.groups } }))
      : planned.events;
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
      await sendAboutArticle(tx, ctx, id, { to, type: KNOWLEDGE_UNSHARED, body: { articleId: id } });
    }
    return record;
  });
}

/**
 * Per recipient, every message the article's shares sent (the article, each version, attachments,
 * withdrawals): queued, sent or refused, and the peer's signed receipt. Own articles only.
 */
export async function getArticleDeliveries(
  ctx: ServiceContext,
  actor: UserActor,
  id: string,
): Promise<RecordDeliveryView[]> {
  const article = await loadArticle(ctx.db, actor, id);
  if (article.originParty !== ctx.config.nodeId) return [];
  return recordDeliveryViews(ctx, ARTICLE_SUBJECT, article.id);
}
