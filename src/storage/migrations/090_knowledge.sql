-- Knowledge base and full-text search (docs/spec.md §7.1).
-- Articles are versioned documents: `doc` holds the current version, `knowledge_article_versions`
-- a full copy of every version. Received copies carry the origin party and are read-only.
CREATE TABLE knowledge_articles (
  id text PRIMARY KEY,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  kind text NOT NULL,
  status text NOT NULL,
  tlp text NOT NULL,
  origin_party text NOT NULL,
  tags text[] NOT NULL,
  -- Peers the origin shares the article with (empty on received copies).
  shared_with text[] NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX knowledge_articles_list_idx ON knowledge_articles(status, updated_at DESC);
CREATE INDEX knowledge_articles_tags_idx ON knowledge_articles USING gin (tags);

CREATE TABLE knowledge_article_versions (
  article_id text NOT NULL REFERENCES knowledge_articles(id),
  version integer NOT NULL,
  content jsonb NOT NULL,
  author_name text NOT NULL,
  note text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (article_id, version)
);

-- Attachments: AES-256-GCM ciphertext with a per-item data key wrapped by the master key (the
-- attachment id is the AAD), like case evidence; kept in the database so an article and its
-- files commit or roll back together. Received copies hold the origin's bytes re-encrypted here.
CREATE TABLE knowledge_attachments (
  id text PRIMARY KEY,
  article_id text NOT NULL REFERENCES knowledge_articles(id),
  file_name text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  encryption jsonb NOT NULL,
  ciphertext bytea NOT NULL,
  added_by text NOT NULL,
  added_at timestamptz NOT NULL
);
CREATE INDEX knowledge_attachments_article_idx ON knowledge_attachments(article_id);

-- One row per searchable record (article, case, request, public report). `vec` is built from the
-- node's own tokenizer (Chinese words + bigrams, stemmed English) as a weighted tsvector literal,
-- so PostgreSQL's parser never re-splits the text; the columns after it decide who may see a hit.
CREATE TABLE search_documents (
  kind text NOT NULL,
  ref_id text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  -- Case members (cases are visible to members only); NULL for other kinds.
  member_ids text[],
  -- Articles: drafts are visible to editors only.
  status text NOT NULL,
  tlp text,
  updated_at timestamptz NOT NULL,
  vec tsvector NOT NULL,
  PRIMARY KEY (kind, ref_id)
);
CREATE INDEX search_documents_vec_idx ON search_documents USING gin (vec);
