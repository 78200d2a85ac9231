// The records of exercises running now on this node, directed or joined: the inbox and hotline
// list show them (marked) next to real work; statistics never do.
export const RUNNING_EXERCISES = 'running';

export const RUNNING_EXERCISES_SQL =
  "(exercise_id IS NULL OR exercise_id IN (SELECT id FROM exercises WHERE state = 'running' UNION SELECT id FROM exercise_participations WHERE state = 'running'))";
