-- Token buckets of the public routes' per-client rate limits, shared by every process of a node.
-- Unlogged: throttling state, not records; after a database crash the buckets start full again.
CREATE UNLOGGED TABLE rate_limit_buckets (
  scope text NOT NULL,
  client text NOT NULL,
  tokens double precision NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (scope, client)
);
CREATE INDEX rate_limit_buckets_at_idx ON rate_limit_buckets(at);
