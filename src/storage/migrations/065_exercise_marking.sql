-- Exercise data never mixes with real work (docs/spec.md §7.2): requests and calls created by a tabletop
-- exercise carry the exercise they belong to; real lists, dashboards and statistics select
-- `exercise_id IS NULL`.
ALTER TABLE requests ADD COLUMN exercise_id text;
ALTER TABLE calls ADD COLUMN exercise_id text;
CREATE INDEX requests_exercise_idx ON requests(exercise_id) WHERE exercise_id IS NOT NULL;
CREATE INDEX calls_exercise_idx ON calls(exercise_id) WHERE exercise_id IS NOT NULL;
