-- Core tables: users and their credentials, sessions, API tokens, the audit chain and fired clock events.
CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  email text,
  roles text[] NOT NULL,
  password_hash text NOT NULL,
  locale text NOT NULL DEFAULT 'en',
  time_zone text NOT NULL DEFAULT 'UTC',
  totp_secret_enc text,
  totp_pending_enc text,
  totp_enabled boolean NOT NULL DEFAULT false,
  totp_last_step bigint,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions(user_id);

CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens(user_id);

CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_kind text NOT NULL,
  actor_id text NOT NULL,
  actor_label text NOT NULL,
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  data jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_subject_idx ON audit_log(subject_type, subject_id);
CREATE INDEX audit_log_action_idx ON audit_log(action);

-- The head row serialises appends (SELECT ... FOR UPDATE) and lets verify notice a deleted tail.
CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, 'genesis');

-- Clock events (overdue, escalation, reminders) fire once each: the deadline worker records them here.
CREATE TABLE clock_events (
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  event text NOT NULL,
  fired_at timestamptz NOT NULL,
  PRIMARY KEY (subject_type, subject_id, event)
);

CREATE TABLE node_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);

-- Per-node human-readable reference numbers (REQ-2026-0001) per kind and year.
CREATE TABLE counters (
  name text PRIMARY KEY,
  value bigint NOT NULL
);
