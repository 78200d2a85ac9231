-- Inbound federation messages refused for their content — a body its type's schema refuses
-- (FED_INVALID_BODY), an unknown type or version, a handler's refusal or failure — kept for an
-- administrator: the raw signed message exactly as received (so it can be exported and shown to
-- the sender), why it was refused, and whether someone has dealt with it. The message's seq was
-- consumed and its sender told by a signed negative receipt; nothing here blocks a channel.
CREATE TABLE federation_dead_letters (
  mid text PRIMARY KEY,
  from_node text NOT NULL,
  channel text NOT NULL,
  seq bigint NOT NULL,
  mtype text NOT NULL,
  schema_version integer NOT NULL,
  code text NOT NULL,
  details jsonb,
  message bytea NOT NULL,
  bid text NOT NULL,
  received_at timestamptz NOT NULL,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'discarded')),
  discarded_at timestamptz,
  discarded_by text
);
CREATE INDEX federation_dead_letters_list_idx ON federation_dead_letters (state, received_at DESC);
