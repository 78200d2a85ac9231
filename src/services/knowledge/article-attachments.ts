// Use cases: attach a file to an article (encrypted at rest, sent to the peers it is shared with)
// and read one back after its integrity check.
import { requireEditable } from '../../domain/knowledge/article-rules.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import {
  findAttachment,
  insertAttachment,
  type AttachmentMeta,
} from '../../storage/repositories/knowledge.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { MAX_ATTACHMENT_BYTES, openAttachment, sealAttachment } from './attachment-store.js';
import { ARTICLE_SUBJECT, loadArticle } from './knowledge-support.js';
import { sendAttachments } from './share-article.js';

export type NewAttachment = { fileName: string; mediaType: string; bytes: Buffer };

export async function addAttachment(
  ctx: ServiceContext,
  actor: UserActor,
  articleId: string,
  input: NewAttachment,
): Promise<AttachmentMeta> {
  if (input.bytes.length === 0)
    throw new AppError('KNOWLEDGE_INVALID', {
      issues: [{ path: 'body', code: 'EMPTY', message: { en: 'The file is empty.', zh: '文件为空。' } }],
    });
  if (input.bytes.length > MAX_ATTACHMENT_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', { details: { max: MAX_ATTACHMENT_BYTES } });
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const article = await loadArticle(tx, actor, articleId, true);
    requireEditable(article, ctx.config.nodeId);
    const stored = sealAttachment(
      ctx,
      {
        id: newId(),
        articleId,
        fileName: input.fileName,
        mediaType: input.mediaType,
        addedBy: actor.name,
        addedAt: now.toISOString(),
      },
      input.bytes,
    );
    await insertAttachment(tx, stored);
    await recordChange(
      tx,
      {
        actor,
        subjectType: ARTICLE_SUBJECT,
        subjectId: articleId,
        events: [
          {
            type: 'attachment_added',
            at: now.toISOString(),
            data: { attachmentId: stored.id, fileName: stored.fileName, sha256: stored.sha256, size: stored.size },
          },
        ],
      },
      now,
    );
    for (const to of article.sharedWith) await sendAttachments(tx, ctx, article, to, [stored.id]);
    const { encryption: _e, ciphertext: _c, ...meta } = stored;
    return meta;
  });
}

export async function readAttachment(
  ctx: ServiceContext,
  actor: UserActor,
  articleId: string,
  id: string,
): Promise<{ meta: AttachmentMeta; bytes: Buffer }> {
  await loadArticle(ctx.db, actor, articleId);
  const stored = await findAttachment(ctx.db, articleId, id);
  if (!stored) throw new AppError('KNOWLEDGE_ATTACHMENT_NOT_FOUND', { details: { articleId, id } });
  const bytes = openAttachment(ctx, stored);
  const { encryption: _e, ciphertext: _c, ...meta } = stored;
  return { meta, bytes };
}
