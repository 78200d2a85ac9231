-- Threat intelligence (docs/spec.md §5): STIX 2.1 objects kept as received, grouped in collections that
-- the TAXII 2.1 server publishes. One row per object version (id + modified), in the order the
-- node added them: `seq` orders objects added in the same microsecond, so TAXII pagination by
-- (added_at, seq) never skips or repeats an object.
CREATE TABLE intel_collections (
  id text PRIMARY KEY,                         -- UUID, as TAXII requires
  alias text UNIQUE,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  -- Sharing scope: which federation parties (and API-token holders acting for them) may read or
  -- write; '*' means every active peer. Local users with intel permissions always may.
  readers text[] NOT NULL DEFAULT '{}',
  writers text[] NOT NULL DEFAULT '{}',
  -- Highest TLP served to anyone outside this node; objects marked above it stay local.
  max_tlp text NOT NULL DEFAULT 'AMBER',
  created_at timestamptz NOT NULL
);

CREATE TABLE intel_objects (
  seq bigserial PRIMARY KEY,
  collection_id text NOT NULL REFERENCES intel_collections(id),
  stix_id text NOT NULL,
  type text NOT NULL,
  spec_version text NOT NULL DEFAULT '2.1',
  -- STIX timestamps kept as the exact strings (STIX allows sub-microsecond precision).
  created text,
  modified text NOT NULL,
  added_at timestamptz NOT NULL,
  tlp text,                                    -- TLP 2.0 level (CLEAR … RED, as in domain/case/tlp.ts) from object_marking_refs
  source text NOT NULL,                        -- 'local' | 'import' | 'taxii:<feed>' | 'peer:<party>'
  object jsonb NOT NULL
);
CREATE UNIQUE INDEX intel_objects_version_key ON intel_objects(collection_id, stix_id, modified);
CREATE INDEX intel_objects_added_idx ON intel_objects(collection_id, added_at, seq);
CREATE INDEX intel_objects_id_idx ON intel_objects(stix_id);
CREATE INDEX intel_objects_type_idx ON intel_objects(collection_id, type);

-- The node's own collection, always present: local imports land here unless told otherwise.
INSERT INTO intel_collections (id, alias, title, description, readers, writers, max_tlp, created_at)
VALUES ('6f1c2b9e-3d4a-4e8b-9c7f-0a1b2c3d4e5f', 'local', 'Crossline indicators',
        'Indicators and observables kept by this node.', '{}', '{}', 'AMBER', now());
