// Knowledge-base article shape (docs/spec.md §7.1): bilingual typologies, procedures, templates and
// contact guides, versioned, with the party it originated from.
import type { Bilingual } from '../../error-types.js';
import type { Tlp } from '../case/tlp.js';

export const ARTICLE_KINDS = ['typology', 'procedure', 'template', 'contact_guide', 'other'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export const ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** What an author writes; every version keeps a full copy of it. */
export type ArticleContent = {
  kind: ArticleKind;
  title: Bilingual;
  /** Markdown, one text per language (either may be empty while a translation is pending). */
  body: Bilingual;
  summary: Bilingual;
  tags: string[];
  /** Parties (country codes / node ids) the article is about, e.g. a per-country template. */
  concerns: string[];
  status: ArticleStatus;
  tlp: Tlp;
};

export type ArticleRecord = ArticleContent & {
  id: string;
  /** The party whose node wrote the article; only that node edits it, peers hold read-only copies. */
  originParty: string;
  version: number;
  authorName: string;
  /** Set on the origin node only. */
  authorId: string | null;
  createdAt: string;
  updatedAt: string;
  /** Peers the origin shares the article with (empty on received copies). */
  sharedWith: string[];
};

export type ArticleVersion = {
  articleId: string;
  version: number;
  content: ArticleContent;
  authorName: string;
  note: string;
  at: string;
};

/** Events recorded in the audit log and the article's history. */
export type ArticleEvent = {
  type: 'created' | 'revised' | 'shared' | 'unshared' | 'received' | 'withdrawn';
  at: string;
  data: Record<string, unknown>;
};
