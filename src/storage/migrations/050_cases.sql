-- Case cooperation (docs/spec.md §4): cases, their observables, evidence items with the chain of custody,
-- and tasks; each stored as its domain record in `doc` plus indexed columns for lists.
CREATE TABLE cases (
  id text PRIMARY KEY,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  reference text NOT NULL UNIQUE,
  status text NOT NULL,
  lead_party text NOT NULL,
  tlp text NOT NULL,
  confidentiality text NOT NULL,
  crime_categories text[] NOT NULL,
  -- Who may see the case (members) and who leads it: list filters without reading every doc.
  member_ids text[] NOT NULL,
  lead_ids text[] NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX cases_status_idx ON cases(status, updated_at DESC);
CREATE INDEX cases_members_idx ON cases USING gin (member_ids);

-- One row per (case, type, canonical value); value_hash keeps the unique index small for long URLs.
CREATE TABLE case_observables (
  id text PRIMARY KEY,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  case_id text NOT NULL REFERENCES cases(id),
  type text NOT NULL,
  value text NOT NULL,
  value_hash text NOT NULL,
  tlp text NOT NULL,
  first_seen_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX case_observables_key ON case_observables(case_id, type, value_hash);
-- Correlation across cases (docs/spec.md §4.5) looks observables up by type and value.
CREATE INDEX case_observables_value_idx ON case_observables(type, value_hash);

CREATE TABLE case_evidence (
  id text PRIMARY KEY,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  case_id text NOT NULL REFERENCES cases(id),
  sha256 text NOT NULL,
  size bigint NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX case_evidence_case_idx ON case_evidence(case_id, created_at);
CREATE INDEX case_evidence_sha256_idx ON case_evidence(sha256);

-- Append-only: each event is hash-linked and signed; the trigger refuses edits and deletions so a
-- mistake or a casual UPDATE cannot touch history (verification still catches a bypass).
CREATE TABLE custody_events (
  evidence_id text NOT NULL REFERENCES case_evidence(id),
  seq integer NOT NULL,
  kind text NOT NULL,
  at timestamptz NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (evidence_id, seq)
);
CREATE FUNCTION custody_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'custody_events is append-only'; END $$;
CREATE TRIGGER custody_events_append_only BEFORE UPDATE OR DELETE ON custody_events FOR EACH ROW EXECUTE FUNCTION custody_events_append_only();

CREATE TABLE case_tasks (
  id text PRIMARY KEY,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  case_id text NOT NULL REFERENCES cases(id),
  status text NOT NULL,
  assignee_user_id text,
  due_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX case_tasks_case_idx ON case_tasks(case_id, created_at);
CREATE INDEX case_tasks_assignee_idx ON case_tasks(assignee_user_id, status);
