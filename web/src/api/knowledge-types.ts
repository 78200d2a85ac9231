// Shapes the knowledge-base and search routes answer (see src/http/routes/knowledge and search).
import type { Bilingual } from './types';

export type ArticleKind = 'typology' | 'procedure' | 'template' | 'contact_guide' | 'other';
export type ArticleStatus = 'draft' | 'published' | 'archived';
export const ARTICLE_KINDS: ArticleKind[] = ['typology', 'procedure', 'template', 'contact_guide', 'other'];
export const ARTICLE_STATUSES: ArticleStatus[] = ['draft', 'published', 'archived'];

export type ArticleContent = {
  kind: ArticleKind; title: Bilingual; body: Bilingual; summary: Bilingual; tags: string[]; concerns: string[];
  status: ArticleStatus; tlp: string;
};

export type ArticleSummary = {
  id: string; kind: ArticleKind; title: Bilingual; summary: Bilingual; tags: string[]; status: ArticleStatus; tlp: string;
  originParty: string; isOwn: boolean; version: number; authorName: string; updatedAt: string;
};

export type ArticleAttachment = { id: string; fileName: string; mediaType: string; size: number; sha256: string; addedBy: string; addedAt: string };

export type ArticleDetail = ArticleContent & {
  id: string; originParty: string; isOwn: boolean; version: number; authorName: string; createdAt: string; updatedAt: string;
  sharedWith: string[];
  versions: { version: number; authorName: string; note: string; at: string }[];
  attachments: ArticleAttachment[];
};

export type SearchKind = 'article' | 'case' | 'request' | 'report';
export const SEARCH_KINDS: SearchKind[] = ['article', 'case', 'request', 'report'];
export type SnippetPiece = { text: string; hit: boolean };
export type Snippet = { pieces: SnippetPiece[]; cutStart: boolean; cutEnd: boolean };
export type SearchResult = { kind: SearchKind; id: string; title: string; titleHighlight: Snippet; snippet: Snippet; rank: number; updatedAt: string };
