-- The node's federation key ring, sealed with the master key, in the database instead of
-- <data-dir>/keys/keyring.enc: every process of a node — on any host — reads the same ring, and a
-- rotation by one reaches the others (they compare `version`). One row.
CREATE TABLE node_key_ring (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  sealed text NOT NULL,
  version integer NOT NULL,
  updated_at timestamptz NOT NULL
);
