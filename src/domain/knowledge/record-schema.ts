// The stored shape of a knowledge-base article (ArticleRecord) as a zod schema, checked against the
// type at compile time, with its upgrade chain (docs/architecture.md, "Storage").
import { z } from 'zod';
import { TLP_LEVELS } from '../case/tlp.js';
import { ZBilingual } from '../shared/record-schema-parts.js';
import { sameType, type SameType } from '../shared/same-type.js';
import { storedDocument } from '../shared/stored-document.js';
import { ARTICLE_KINDS, ARTICLE_STATUSES, type ArticleRecord } from './article-types.js';

export const ZArticleRecord = z.object({
  kind: z.enum(ARTICLE_KINDS),
  title: ZBilingual,
  body: ZBilingual,
  summary: ZBilingual,
  tags: z.array(z.string()),
  concerns: z.array(z.string()),
  status: z.enum(ARTICLE_STATUSES),
  tlp: z.enum(TLP_LEVELS),
  id: z.string(),
  originParty: z.string(),
  version: z.number().int(),
  authorName: z.string(),
  authorId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sharedWith: z.array(z.string()),
});
sameType<SameType<z.infer<typeof ZArticleRecord>, ArticleRecord>>(true);

export const ARTICLE_DOCUMENT = storedDocument<ArticleRecord>('knowledge article', ZArticleRecord);
