// Shapes the knowledge-base and search routes answer (see src/http/routes/knowledge and search).
import type { components } from './generated/api';

type S = components['schemas'];

export type ArticleKind = 'typology' | 'procedure' | 'template' | 'contact_guide' | 'other';
export type ArticleStatus = 'draft' | 'published' | 'archived';
export const ARTICLE_KINDS: ArticleKind[] = ['typology', 'procedure', 'template', 'contact_guide', 'other'];
export const ARTICLE_STATUSES: ArticleStatus[] = ['draft', 'published', 'archived'];

// Article shapes: generated from the node's OpenAPI document (src/http/routes/knowledge/knowledge.response.ts).
export type ArticleContent = S['ArticleContent'];
export type ArticleSummary = S['ArticleSummary'];
export type ArticleAttachment = S['ArticleAttachment'];
export type ArticleView = S['ArticleView'];
export type ArticleDetail = S['ArticleDetail'];
export type ArticleVersion = S['ArticleVersion'];
export type KnowledgeMeta = S['KnowledgeMeta'];

// Search shapes: generated from the node's OpenAPI document (src/http/routes/search/search.response.ts).
export type SearchResult = S['SearchResult'];
export type SearchKind = SearchResult['kind'];
export const SEARCH_KINDS: SearchKind[] = ['article', 'case', 'request', 'report'];
export type Snippet = S['Snippet'];
export type SnippetPiece = Snippet['pieces'][number];
