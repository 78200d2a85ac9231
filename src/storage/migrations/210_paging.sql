-- Paging (issue 19): alerts that reach a person who is not looking at the screen.
--
-- paging_settings: one row per user who set up paging — an e-mail address, an HTTPS webhook with its
-- own signing secret (sealed with the master key) and quiet hours in the user's time zone.
CREATE TABLE paging_settings (
  user_id text PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  email text,
  email_enabled boolean NOT NULL DEFAULT false,
  webhook_url text,
  webhook_secret_enc text,
  webhook_enabled boolean NOT NULL DEFAULT false,
  quiet_start text,
  quiet_end text,
  updated_at timestamptz NOT NULL
);

-- The page outbox: one row per notification x recipient x channel, written in the transaction of the
-- notification (so a page exists exactly when its event committed) and unique, so nothing is paged twice.
-- The paging worker claims due rows (SKIP LOCKED, a lease naming the live process that holds it, see
-- src/storage/process-liveness.ts), sends, and records sent / retry / failed.
CREATE TABLE page_outbox (
  id text PRIMARY KEY,
  notification_id text NOT NULL,
  user_id text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
  emergency boolean NOT NULL DEFAULT false,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until timestamptz,
  lease_owner bigint,
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  failed_at timestamptz,
  ack_used_at timestamptz,
  UNIQUE (notification_id, user_id, channel)
);
CREATE INDEX page_outbox_due_idx ON page_outbox (next_attempt_at) WHERE state = 'pending';
CREATE INDEX page_outbox_state_idx ON page_outbox (state, created_at DESC);
