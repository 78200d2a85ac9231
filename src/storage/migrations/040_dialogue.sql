-- Dialogue mechanism (docs/spec.md §8): meetings, their agreed outcomes and action items, each stored as
-- the domain record in `doc` plus indexed columns; action items carry the overdue clock.
CREATE TABLE meetings (
  id text PRIMARY KEY,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  status text NOT NULL,
  kind text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  parties text[] NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX meetings_starts_idx ON meetings(starts_at DESC);
CREATE INDEX meetings_status_idx ON meetings(status, starts_at DESC);

CREATE TABLE meeting_outcomes (
  id text PRIMARY KEY,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  meeting_id text NOT NULL REFERENCES meetings(id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX meeting_outcomes_meeting_idx ON meeting_outcomes(meeting_id, recorded_at);

CREATE TABLE action_items (
  id text PRIMARY KEY,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  meeting_id text NOT NULL REFERENCES meetings(id),
  outcome_id text REFERENCES meeting_outcomes(id),
  status text NOT NULL,
  owner_party text NOT NULL,
  parties text[] NOT NULL,
  -- Calendar day as text (YYYY-MM-DD) so no driver shifts it by a time zone; due_at is when it lapses everywhere.
  due_date text NOT NULL,
  due_at timestamptz NOT NULL,
  -- When the overdue clock next needs a look; NULL once closed or once the overdue warning fired.
  next_check_at timestamptz
);
CREATE INDEX action_items_meeting_idx ON action_items(meeting_id, due_date);
CREATE INDEX action_items_due_idx ON action_items(status, due_at);
CREATE INDEX action_items_next_check_idx ON action_items(next_check_at) WHERE next_check_at IS NOT NULL;
