-- Search answers very common queries from the most recent records (see searchRecentRows): an
-- index in recency order lets it read exactly that window.
CREATE INDEX search_documents_recent_idx ON search_documents (updated_at DESC);
