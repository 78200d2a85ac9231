-- Correlation (docs/spec.md §4.5): which sources (case, request, public report, intel object) hold each
-- observable value; how many; the alerts raised when a value is shared by two sources; and the
-- values an administrator excluded. value_hash (hex SHA-256 of the canonical value, first 32
-- characters) keeps the keys short for long URLs; `value` is kept for people and for collisions.
CREATE TABLE observable_index (
  type text NOT NULL,
  value_hash text NOT NULL,
  value text NOT NULL,
  source_kind text NOT NULL,                  -- 'case' | 'request' | 'report' | 'intel'
  source_id text NOT NULL,
  source_label text,
  first_seen timestamptz NOT NULL,
  PRIMARY KEY (type, value_hash, source_kind, source_id)
);
CREATE INDEX observable_index_source_idx ON observable_index(source_kind, source_id);

-- Per-value source count, kept with the index in the same transaction: the "common" test is one row read.
CREATE TABLE observable_value_counts (
  type text NOT NULL,
  value_hash text NOT NULL,
  value text NOT NULL,
  source_count integer NOT NULL,
  first_seen timestamptz NOT NULL,
  PRIMARY KEY (type, value_hash)
);

-- One alert per pair of sources (a < b by kind then id); later shared values are added to it.
CREATE TABLE correlation_alerts (
  id text PRIMARY KEY,
  a_kind text NOT NULL,
  a_id text NOT NULL,
  a_label text,
  b_kind text NOT NULL,
  b_id text NOT NULL,
  b_label text,
  matches jsonb NOT NULL,                     -- [{type, value}] shared by the pair, first match first
  match_count integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  acked_at timestamptz,
  acked_by text,
  UNIQUE (a_kind, a_id, b_kind, b_id)
);
CREATE INDEX correlation_alerts_updated_idx ON correlation_alerts(updated_at DESC, id);

CREATE TABLE correlation_exclusions (
  type text NOT NULL,
  value_hash text NOT NULL,
  value text NOT NULL,
  reason text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (type, value_hash)
);
