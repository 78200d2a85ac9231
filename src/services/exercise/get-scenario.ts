// Use case: read one scenario (for the editor).
import { AppError } from '../../errors.js';
import type { Scenario } from '../../domain/exercise/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { findScenario } from '../../storage/repositories/exercise.repository.js';
import type { ServiceContext } from '../context.js';
import { requireExercisePermission } from './exercise-access.js';

export async function getScenario(ctx: ServiceContext, actor: Actor, id: string): Promise<Scenario> {
  requireExercisePermission(actor, 'exercise:read');
  const scenario = await findScenario(ctx.db, id);
  if (!scenario) throw new AppError('EXERCISE_SCENARIO_NOT_FOUND', { details: { id } });
  return scenario;
}
