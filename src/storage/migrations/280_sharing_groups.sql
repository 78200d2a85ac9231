-- Sharing groups (docs/federation.md §19): named sets of peers chosen as one in shares and hotline
-- broadcasts; and hotline broadcasts, which group the one call placed per recipient under one id.
CREATE TABLE IF NOT EXISTS sharing_groups (
  id text PRIMARY KEY,
  name jsonb NOT NULL,
  region text,
  members jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL
);

CREATE TABLE IF NOT EXISTS hotline_broadcasts (
  id text PRIMARY KEY,
  placed_at timestamptz NOT NULL,
  placed_by text NOT NULL,
  group_ids jsonb NOT NULL,
  all_peers boolean NOT NULL,
  -- [{party, callId}] in the order the calls were placed.
  calls jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS hotline_broadcasts_placed_idx ON hotline_broadcasts(placed_at DESC);
