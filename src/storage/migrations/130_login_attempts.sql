-- Sign-in hardening (docs/security.md ("Authentication and sessions")). Per account: attempts reserved before a password
-- or TOTP code is checked and settled after (src/domain/user/lockout.ts), so parallel attempts cannot
-- get more secrets checked than the lockout threshold, whichever process of the node they reach.
ALTER TABLE users ADD COLUMN pending_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN pending_until timestamptz;

-- Per client address and user name: failures and the time of the last one, for the exponential
-- backoff (src/domain/user/login-throttle.ts). Unlogged like rate_limit_buckets: throttling state,
-- not records; after a database crash every client starts afresh.
CREATE UNLOGGED TABLE login_backoff (
  client text NOT NULL,
  username text NOT NULL,
  failures integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  PRIMARY KEY (client, username)
);
CREATE INDEX login_backoff_last_failure_idx ON login_backoff(last_failure_at);
