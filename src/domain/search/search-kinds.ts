// The kinds of record the search index holds (docs/knowledge.md): filters, the API and the index share them.
export const SEARCH_KINDS = ['article', 'case', 'request', 'report'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
