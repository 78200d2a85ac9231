-- The signed membership directory (docs/federation.md §18): every version this node applied, with
-- what changed and what it did about it, and the versions peers sent that wait to be applied
-- (received inside the inbox transaction, applied after it, since applying fetches members' cards).
CREATE TABLE IF NOT EXISTS federation_directory_versions (
  version bigint PRIMARY KEY,
  federation text NOT NULL,
  hash text NOT NULL,
  signed jsonb NOT NULL,
  diff jsonb NOT NULL,
  outcomes jsonb NOT NULL,
  source text NOT NULL,
  applied_at timestamptz NOT NULL,
  resynced_at timestamptz
);

CREATE TABLE IF NOT EXISTS federation_directory_pending (
  version bigint NOT NULL,
  hash text NOT NULL,
  signed jsonb NOT NULL,
  received_from text NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (version, hash)
);
