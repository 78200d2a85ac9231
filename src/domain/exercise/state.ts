// The run's life: draft → running → ended. Pure: the service passes `now` and stores the result.
import { AppError } from '../../errors.js';
import type { Exercise, ExerciseState } from './types.js';

function requireState(ex: Exercise, state: ExerciseState, action: string): void {
  if (ex.state !== state)
    throw new AppError('EXERCISE_INVALID_STATE', { details: { id: ex.id, state: ex.state, action } });
}

export function startExercise(ex: Exercise, now: Date): Exercise {
  requireState(ex, 'draft', 'start');
  return { ...ex, state: 'running', startedAt: now.toISOString(), version: ex.version + 1 };
}

export function endExercise(ex: Exercise, now: Date): Exercise {
  requireState(ex, 'running', 'end');
  return { ...ex, state: 'ended', endedAt: now.toISOString(), version: ex.version + 1 };
}
