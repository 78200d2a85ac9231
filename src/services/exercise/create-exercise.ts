// Use case: the director prepares a run of a scenario (draft) with its time scale; the scenario is
// copied in, so editing the scenario later does not change this run.
import { AppError } from '../../errors.js';
import type { Exercise, TCreateExercise } from '../../domain/exercise/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import { findScenario, insertExercise } from '../../storage/repositories/exercise.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { EXERCISE_SUBJECT, requireExercisePermission } from './exercise-access.js';

export async function createExercise(ctx: ServiceContext, actor: Actor, input: TCreateExercise): Promise<Exercise> {
  requireExercisePermission(actor, 'exercise:direct');
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const scenario = await findScenario(tx, input.scenarioId);
    if (!scenario) throw new AppError('EXERCISE_SCENARIO_NOT_FOUND', { details: { id: input.scenarioId } });
    const at = now.toISOString();
    const exercise: Exercise = {
      id: newId(),
      scenarioId: scenario.id,
      title: scenario.title,
      briefing: scenario.briefing,
      participants: scenario.participants,
      injects: scenario.injects,
      state: 'draft',
      timeScale: input.timeScale,
      director: { userId: actor.userId, name: actor.name, roles: [...actor.roles] },
      createdAt: at,
      startedAt: null,
      endedAt: null,
      version: 1,
    };
    await insertExercise(tx, exercise);
    await recordChange(
      tx,
      {
        actor,
        subjectType: EXERCISE_SUBJECT,
        subjectId: exercise.id,
        events: [{ type: 'created', at, data: { scenarioId: scenario.id, timeScale: input.timeScale } }],
      },
      now,
    );
    return exercise;
  });
}
