// Use case: the exercises page — scenarios and runs this node directs, and exercises other nodes
// direct that this node takes part in.
import type { Exercise, ParticipantExercise, Scenario } from '../../domain/exercise/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { listExercises, listParticipations, listScenarios } from '../../storage/repositories/exercise.repository.js';
import type { ServiceContext } from '../context.js';
import { requireExercisePermission } from './exercise-access.js';

export type ExerciseOverview = { scenarios: Scenario[]; exercises: Exercise[]; participations: ParticipantExercise[] };

export async function listExerciseOverview(ctx: ServiceContext, actor: Actor): Promise<ExerciseOverview> {
  requireExercisePermission(actor, 'exercise:read');
  const [scenarios, exercises, participations] = await Promise.all([
    listScenarios(ctx.db, 200),
    listExercises(ctx.db, { limit: 200 }),
    listParticipations(ctx.db, 200),
  ]);
  return { scenarios, exercises, participations };
}
