-- History of every record (request transitions, call contact log, case timeline, ...): one row per
-- domain event, written in the same transaction as the change and its audit entry.
CREATE TABLE record_events (
  id text PRIMARY KEY,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  at timestamptz NOT NULL,
  type text NOT NULL,
  actor_label text NOT NULL,
  party text NOT NULL,
  data jsonb NOT NULL,
  audit_seq bigint
);
CREATE INDEX record_events_subject_idx ON record_events(subject_type, subject_id, at, id);
