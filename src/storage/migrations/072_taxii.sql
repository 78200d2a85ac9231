-- TAXII 2.1 (docs/spec.md §5.2): status resources of POSTed envelopes, scheduled pulls from remote TAXII
-- servers (feeds), and the binding of service accounts to the external party they act for.

-- One row per POST to a collection's objects endpoint; TAXII clients poll it at /status/{id}/.
CREATE TABLE taxii_status (
  id text PRIMARY KEY,
  collection_id text NOT NULL REFERENCES intel_collections(id),
  user_id text NOT NULL,
  status text NOT NULL,                        -- 'complete' | 'pending'
  request_timestamp timestamptz NOT NULL,
  total_count integer NOT NULL,
  successes jsonb NOT NULL DEFAULT '[]',       -- [{ id, version, message? }]
  failures jsonb NOT NULL DEFAULT '[]',
  pendings jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX taxii_status_user_idx ON taxii_status(user_id);

-- A scheduled pull: (api root URL, remote collection) → local collection, every interval_minutes.
-- `watermark` is the remote server's last X-TAXII-Date-Added-Last (kept as the exact string the
-- server sent, since it is echoed back as added_after and servers compare at their own precision).
CREATE TABLE taxii_feeds (
  id text PRIMARY KEY,
  name text NOT NULL,
  api_root_url text NOT NULL,
  remote_collection text NOT NULL,
  target_collection_id text NOT NULL REFERENCES intel_collections(id),
  auth_kind text NOT NULL DEFAULT 'none',      -- 'none' | 'bearer' | 'basic'
  username text,
  secret_sealed text,                          -- token or password, AES-GCM under the master key
  interval_minutes integer NOT NULL DEFAULT 60,
  enabled boolean NOT NULL DEFAULT true,
  watermark text,
  -- Found at the first run (discovery → API root, alias/title → collection id), so that later
  -- runs need one objects request only; cleared when the URL or collection changes.
  resolved_api_root text,
  resolved_collection_id text,
  next_run_at timestamptz NOT NULL,
  running_since timestamptz,
  last_run_at timestamptz,
  last_result jsonb,                           -- { imported, duplicates, invalid, requests }
  last_error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX taxii_feeds_due_idx ON taxii_feeds(next_run_at) WHERE enabled;

-- A user bound to a party is an external TAXII client (a peer or third party): it sees only
-- collections whose readers name that party (or '*'), never an object above max_tlp.
CREATE TABLE intel_party_accounts (
  user_id text PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  party text NOT NULL,
  created_at timestamptz NOT NULL
);
