-- Federation transport (docs/spec.md §1.3–1.7, §9.2): outbox, inbox with per-channel ordering, receipts,
-- per-peer delivery state, pings (connectivity checks) and audit checkpoints with countersignatures.
-- No foreign keys to peers: removing a peer must not destroy its message history or receipts.

-- Next sequence number per (recipient, channel); the row lock serialises senders on one channel.
CREATE TABLE federation_out_channels (
  peer_id text NOT NULL,
  channel text NOT NULL,
  next_seq bigint NOT NULL,
  PRIMARY KEY (peer_id, channel)
);

-- Transactional outbox: one signed message (compact JWS) per row, written in the caller's transaction.
CREATE TABLE federation_outbox (
  mid text PRIMARY KEY,
  peer_id text NOT NULL,
  channel text NOT NULL,
  seq bigint NOT NULL,
  mtype text NOT NULL,
  jws text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'sent', 'rejected')),
  created_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until timestamptz,
  last_error text,
  result text CHECK (result IN ('accepted', 'duplicate', 'rejected')),
  code text,
  bid text,
  sent_at timestamptz,
  UNIQUE (peer_id, channel, seq)
);
CREATE INDEX federation_outbox_pending_idx ON federation_outbox (peer_id, channel, seq) WHERE state = 'pending';
CREATE INDEX federation_outbox_rejected_idx ON federation_outbox (peer_id, created_at) WHERE state = 'rejected';

-- Signed receipts as received, one per delivered batch; outbox rows name their batch (bid).
CREATE TABLE federation_receipts (
  bid text PRIMARY KEY,
  peer_id text NOT NULL,
  jws text NOT NULL,
  received_at timestamptz NOT NULL,
  stored_at timestamptz NOT NULL
);

-- Per-peer delivery health and the peer-wide retry gate (backoff survives restarts).
CREATE TABLE federation_peer_state (
  peer_id text PRIMARY KEY,
  retry_at timestamptz,
  consecutive_failures integer NOT NULL DEFAULT 0,
  total_failures bigint NOT NULL DEFAULT 0,
  last_error_code text,
  last_error text,
  last_error_at timestamptz,
  last_contact_at timestamptz,
  last_sent_at timestamptz,
  last_received_at timestamptz,
  card_checked_at timestamptz
);

-- Idempotent inbox: every authentic message addressed here, by mid; (from, channel, seq) is consumed once.
CREATE TABLE federation_inbox (
  mid text PRIMARY KEY,
  from_node text NOT NULL,
  channel text NOT NULL,
  seq bigint NOT NULL,
  mtype text NOT NULL,
  schema_version integer NOT NULL,
  state text NOT NULL CHECK (state IN ('held', 'applied', 'rejected')),
  code text,
  body jsonb,
  jws text NOT NULL,
  bid text NOT NULL,
  created_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  applied_at timestamptz,
  UNIQUE (from_node, channel, seq)
);
CREATE INDEX federation_inbox_held_idx ON federation_inbox (from_node, channel, seq) WHERE state = 'held';

-- Next expected seq per (sender, channel); held_count > 0 means a gap (later messages waiting).
CREATE TABLE federation_in_channels (
  from_node text NOT NULL,
  channel text NOT NULL,
  next_seq bigint NOT NULL DEFAULT 1,
  held_count integer NOT NULL DEFAULT 0,
  gap_since timestamptz,
  resend_requested_at timestamptz,
  PRIMARY KEY (from_node, channel)
);

-- Connectivity checks; deliberately no unique key so a double application would be visible.
CREATE TABLE federation_pings (
  applied_order bigserial PRIMARY KEY,
  from_node text NOT NULL,
  channel text NOT NULL,
  seq bigint NOT NULL,
  mid text NOT NULL,
  nonce text NOT NULL,
  sent_at timestamptz,
  received_at timestamptz NOT NULL
);
CREATE INDEX federation_pings_from_idx ON federation_pings (from_node, applied_order);

-- This node's signed audit checkpoints (docs/spec.md §9.2).
CREATE TABLE federation_checkpoints (
  seq bigint PRIMARY KEY,
  hash text NOT NULL,
  at timestamptz NOT NULL,
  jws text NOT NULL
);

-- Peers' countersignatures of this node's checkpoints: what `audit verify` checks the chain against.
CREATE TABLE federation_countersignatures (
  peer_id text NOT NULL,
  seq bigint NOT NULL,
  hash text NOT NULL,
  kid text NOT NULL,
  jws text NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (peer_id, seq)
);

-- Peers' checkpoints this node countersigned, so a later rewrite of their history is noticed here.
CREATE TABLE federation_peer_checkpoints (
  peer_id text NOT NULL,
  seq bigint NOT NULL,
  hash text NOT NULL,
  checkpoint_jws text NOT NULL,
  countersignature_jws text NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (peer_id, seq)
);

-- Per peer, the last own checkpoint sent; the next is sent only once that one is countersigned, so
-- the anchor in each checkpoint message is exactly the peer's latest stored checkpoint of ours.
CREATE TABLE federation_checkpoint_peers (
  peer_id text PRIMARY KEY,
  last_sent_seq bigint NOT NULL
);
