-- Which federation messages were sent about which record (request steps, case shares), so a record's
-- page can show each message's delivery and signed receipt (non-repudiation of receipt, docs/spec.md §1.4).
CREATE TABLE record_messages (
  mid text PRIMARY KEY,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  mtype text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX record_messages_subject_idx ON record_messages(subject_type, subject_id, created_at);
