// Knowledge base (docs/spec.md §7.1): bilingual, versioned articles with attachments, shared with peers.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../errors.js';
import { ARTICLE_KINDS, ARTICLE_STATUSES } from '../../../domain/knowledge/article-types.js';
import { TLP_DESCRIPTIONS } from '../../../domain/case/tlp.js';
import type { ServiceContext } from '../../../services/context.js';
import { addAttachment, readAttachment } from '../../../services/knowledge/article-attachments.js';
import { MAX_ATTACHMENT_BYTES } from '../../../services/knowledge/attachment-store.js';
import { createArticle } from '../../../services/knowledge/create-article.js';
import { getArticle, getArticleVersion, listArticles } from '../../../services/knowledge/read-articles.js';
import { getArticleDeliveries, shareArticle, unshareArticle } from '../../../services/knowledge/share-article.js';
import { updateArticle } from '../../../services/knowledge/update-article.js';
import { actorOf } from '../../plugins/auth.js';
import { sendDownload } from '../file-download.js';
import { ZRecordDeliverySchema } from '../requests/requests.response.js';
import { answers, ERROR_SHAPES, itemsOf, splitList, ZIdParamsSchema } from '../common.schema.js';
import {
  presentArticle,
  presentArticleDetail,
  presentArticleSummary,
  presentArticleVersion,
  presentAttachment,
} from './knowledge.presenter.js';
import {
  ZArticleAttachmentSchema,
  ZArticleDetailSchema,
  ZArticleSummarySchema,
  ZArticleVersionSchema,
  ZArticleViewSchema,
  ZKnowledgeMetaSchema,
} from './knowledge.response.js';
import {
  ZArticleContentSchema,
  ZArticleListQuerySchema,
  ZArticleVersionParamsSchema,
  ZAttachmentParamsSchema,
  ZAttachmentUploadQuerySchema,
  ZShareArticleSchema,
  ZSharePeersSchema,
  ZUpdateArticleSchema,
} from './knowledge.schema.js';

export function knowledgeRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['knowledge'];
    const withId = { tags, params: ZIdParamsSchema };
    const local = ctx.config.nodeId;
    // Only in this plugin's scope: an attachment is the raw body.
    app.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
      (_req, body, done) => done(null, body),
    );

    app.get(
      '/knowledge/meta',
      {
        config: { permission: 'knowledge:read' },
        schema: {
          tags,
          summary: 'Article kinds, statuses, TLP levels and limits for forms',
          response: answers(ZKnowledgeMetaSchema),
        },
      },
      async () => ({
        kinds: ARTICLE_KINDS,
        statuses: ARTICLE_STATUSES,
        tlp: TLP_DESCRIPTIONS,
        maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
        localParty: local,
      }),
    );

    app.get(
      '/knowledge/articles',
      {
        config: { permission: 'knowledge:read' },
        schema: {
          tags,
          summary: 'Articles (own and received), latest change first; drafts for editors only',
          querystring: ZArticleListQuerySchema,
          response: answers(itemsOf(ZArticleSummarySchema)),
        },
      },
      async (request) => {
        const { kind, status, ...q } = request.query;
        const items = await listArticles(ctx, actorOf(request), {
          ...q,
          kinds: splitList(kind),
          statuses: splitList(status),
        });
        return { items: items.map((a) => presentArticleSummary(a, local)) };
      },
    );

    app.post(
      '/knowledge/articles',
      {
        config: { permission: 'knowledge:edit' },
        schema: {
          tags,
          summary: 'Write a new article (version 1)',
          body: ZArticleContentSchema,
          response: answers(ZArticleViewSchema, 201),
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentArticle(await createArticle(ctx, actorOf(request), request.body), local)),
    );

    app.get(
      '/knowledge/articles/:id',
      {
        config: { permission: 'knowledge:read' },
        schema: {
          ...withId,
          summary: 'One article with its version history and attachments',
          response: answers(ZArticleDetailSchema),
        },
      },
      async (request) => presentArticleDetail(await getArticle(ctx, actorOf(request), request.params.id), local),
    );

    app.patch(
      '/knowledge/articles/:id',
      {
        config: { permission: 'knowledge:edit' },
        schema: {
          ...withId,
          summary: 'Save a new version (own articles only); peers it is shared with receive it',
          body: ZUpdateArticleSchema,
          response: answers(ZArticleViewSchema),
        },
      },
      async (request) =>
        presentArticle(await updateArticle(ctx, actorOf(request), request.params.id, request.body), local),
    );

    app.get(
      '/knowledge/articles/:id/versions/:version',
      {
        config: { permission: 'knowledge:read' },
        schema: {
          tags,
          params: ZArticleVersionParamsSchema,
          response: answers(ZArticleVersionSchema),
          summary: 'The full content of one earlier version',
        },
      },
      async (request) =>
        presentArticleVersion(
          await getArticleVersion(ctx, actorOf(request), request.params.id, request.params.version),
        ),
    );

    app.post(
      '/knowledge/articles/:id/share',
      {
        config: { permission: 'knowledge:edit' },
        schema: {
          ...withId,
          summary:
            'Share with peers and/or sharing groups (TLP permitting; groups expand to their active peer members); they receive the current version and attachments',
          body: ZShareArticleSchema,
          response: answers(ZArticleViewSchema),
        },
      },
      async (request) =>
        presentArticle(await shareArticle(ctx, actorOf(request), request.params.id, request.body), local),
    );

    app.get(
      '/knowledge/articles/:id/deliveries',
      {
        config: { permission: 'knowledge:read' },
        schema: {
          ...withId,
          summary:
            "Per recipient, the federation messages the article's shares sent: delivery state and signed receipts",
          response: answers(itemsOf(ZRecordDeliverySchema)),
        },
      },
      async (request) => ({ items: await getArticleDeliveries(ctx, actorOf(request), request.params.id) }),
    );

    app.post(
      '/knowledge/articles/:id/unshare',
      {
        config: { permission: 'knowledge:edit' },
        schema: {
          ...withId,
          summary: 'Stop sharing with peers; their copies are withdrawn',
          body: ZSharePeersSchema,
          response: answers(ZArticleViewSchema),
        },
      },
      async (request) =>
        presentArticle(await unshareArticle(ctx, actorOf(request), request.params.id, request.body.peers), local),
    );

    app.post(
      '/knowledge/articles/:id/attachments',
      {
        config: { permission: 'knowledge:edit' },
        bodyLimit: MAX_ATTACHMENT_BYTES,
        schema: {
          ...withId,
          querystring: ZAttachmentUploadQuerySchema,
          response: answers(ZArticleAttachmentSchema, 201),
          summary:
            'Attach a file: raw application/octet-stream body, name and type in the query string; encrypted at rest',
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body))
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { expected: 'application/octet-stream' } });
        const meta = await addAttachment(ctx, actorOf(request), request.params.id, {
          ...request.query,
          bytes: request.body,
        });
        return reply.status(201).send(presentAttachment(meta));
      },
    );

    app.get(
      '/knowledge/articles/:id/attachments/:attachmentId',
      {
        config: { permission: 'knowledge:read' },
        schema: {
          tags,
          params: ZAttachmentParamsSchema,
          response: ERROR_SHAPES,
          summary: 'Download an attachment, checked against its SHA-256',
        },
      },
      async (request, reply) => {
        const { meta, bytes } = await readAttachment(
          ctx,
          actorOf(request),
          request.params.id,
          request.params.attachmentId,
        );
        return sendDownload(reply, { mediaType: meta.mediaType, fileName: meta.fileName, bytes });
      },
    );
  };
}
