-- Tabletop exercises (docs/spec.md §7.2). The director's node keeps scenarios (injects as a validated list
-- in the document), runs of them, and one delivery row per inject and party: the row is claimed
-- and stamped `fired_at` in the transaction that creates the call or request, so an inject fires
-- exactly once even across restarts. Participants' nodes keep what they know of the exercises
-- they take part in (briefing, state, information injects received).
CREATE TABLE exercise_scenarios (
  id text PRIMARY KEY,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX exercise_scenarios_updated_idx ON exercise_scenarios(updated_at DESC);

CREATE TABLE exercises (
  id text PRIMARY KEY,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  scenario_id text NOT NULL REFERENCES exercise_scenarios(id),
  state text NOT NULL CHECK (state IN ('draft', 'running', 'ended')),
  time_scale double precision NOT NULL,
  participants text[] NOT NULL,
  created_at timestamptz NOT NULL,
  started_at timestamptz,
  ended_at timestamptz
);
CREATE INDEX exercises_started_idx ON exercises(started_at DESC);

CREATE TABLE exercise_deliveries (
  id text PRIMARY KEY,
  exercise_id text NOT NULL REFERENCES exercises(id),
  inject_id text NOT NULL,
  party text NOT NULL,
  kind text NOT NULL,
  planned_at timestamptz NOT NULL,
  fired_at timestamptz,
  call_id text,
  request_id text,
  error jsonb,
  UNIQUE (exercise_id, inject_id, party)
);
-- The worker's question: which injects are due and not yet fired.
CREATE INDEX exercise_deliveries_due_idx ON exercise_deliveries(planned_at) WHERE fired_at IS NULL;

CREATE TABLE exercise_participations (
  id text PRIMARY KEY,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  director_party text NOT NULL,
  state text NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX exercise_participations_updated_idx ON exercise_participations(updated_at DESC);
