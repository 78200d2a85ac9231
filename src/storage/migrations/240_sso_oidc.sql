-- Single sign-on with OpenID Connect (issue 18): the identity providers an admin configured, the
-- link of each provider's subject to a local user, the short-lived state of a sign-in in flight, and
-- what an SSO session needs to be re-checked with its provider and to end there.

CREATE TABLE sso_providers (
  id text PRIMARY KEY,
  -- In the redirect URI: /api/auth/oidc/<slug>/callback.
  slug text NOT NULL UNIQUE,
  issuer text NOT NULL,
  client_id text NOT NULL,
  -- Sealed with the node's master key (src/security/secret-box.ts); never returned.
  client_secret_enc text,
  scopes text[] NOT NULL,
  username_claim text NOT NULL,
  -- [{ claim, value, role }]
  role_mappings jsonb NOT NULL,
  auto_create boolean NOT NULL,
  name_en text NOT NULL,
  name_zh text NOT NULL,
  enabled boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);

-- One local user per (provider, subject): the subject is the IdP's stable id, never the user name.
CREATE TABLE sso_identities (
  provider_id text NOT NULL REFERENCES sso_providers(id) ON DELETE CASCADE,
  subject text NOT NULL,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_login_at timestamptz NOT NULL,
  PRIMARY KEY (provider_id, subject)
);
CREATE INDEX sso_identities_user_idx ON sso_identities(user_id);

-- A sign-in between /start and /callback: found by the hash of its state, taken (deleted) once.
-- The binding is a cookie of the browser that started it, kept as a hash.
CREATE TABLE sso_login_flights (
  state_hash text PRIMARY KEY,
  provider_id text NOT NULL REFERENCES sso_providers(id) ON DELETE CASCADE,
  binding_hash text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  redirect_uri text NOT NULL,
  locale text,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sso_login_flights_expires_idx ON sso_login_flights(expires_at);

-- The SSO side of a session: ends with it (cascade). Its tokens are sealed at rest.
CREATE TABLE sso_sessions (
  token_hash text PRIMARY KEY REFERENCES sessions(token_hash) ON DELETE CASCADE,
  provider_id text NOT NULL REFERENCES sso_providers(id) ON DELETE CASCADE,
  subject text NOT NULL,
  -- The IdP's session id (ID token `sid`), named by its back-channel logout tokens.
  sid text,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  refresh_token_enc text,
  access_token_enc text,
  id_token_enc text,
  checked_at timestamptz NOT NULL
);
CREATE INDEX sso_sessions_checked_idx ON sso_sessions(checked_at);
CREATE INDEX sso_sessions_subject_idx ON sso_sessions(provider_id, subject);
