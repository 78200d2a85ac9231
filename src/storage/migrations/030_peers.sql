-- Federation peers: the node cards this node has imported and confirmed (docs/spec.md §1.2).
CREATE TABLE peers (
  id text PRIMARY KEY,
  name jsonb NOT NULL,
  country text NOT NULL,
  endpoint text NOT NULL,
  card jsonb NOT NULL,
  fingerprint text NOT NULL,
  status text NOT NULL,
  added_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);
