-- Hotline calls and the on-call roster (docs/spec.md §3): the domain record as jsonb `doc`, plus the
-- columns the inbox filters/sorts on and the escalation worker's indexed `next_check_at`.
CREATE TABLE calls (
  id text PRIMARY KEY,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  reference text NOT NULL UNIQUE,
  status text NOT NULL,
  urgency text NOT NULL,
  topic text NOT NULL,
  from_party text NOT NULL,
  to_party text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
  placed_at timestamptz NOT NULL,
  ack_due_at timestamptz NOT NULL,
  -- When the escalation ladder next needs a look; NULL once nothing can fire (acknowledged, outgoing).
  next_check_at timestamptz,
  escalation_level integer NOT NULL DEFAULT 0
);
CREATE INDEX calls_inbox_idx ON calls(status, urgency, ack_due_at);
CREATE INDEX calls_direction_idx ON calls(direction, placed_at DESC);
CREATE INDEX calls_next_check_idx ON calls(next_check_at) WHERE next_check_at IS NOT NULL;

-- On-call shifts: instants in UTC plus the zone they were planned in (for display and DST).
CREATE TABLE roster_shifts (
  id text PRIMARY KEY,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  user_id text NOT NULL REFERENCES users(id),
  role text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  time_zone text NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX roster_shifts_time_idx ON roster_shifts(ends_at, starts_at);
CREATE INDEX roster_shifts_user_idx ON roster_shifts(user_id, starts_at);
