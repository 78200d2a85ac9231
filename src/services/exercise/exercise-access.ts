// Who may see and who may direct exercises: the node's permission table (docs/spec.md §9.1), checked again
// in every use case so the CLI and the worker obey the same rule as the routes.
import { AppError } from '../../errors.js';
import type { Actor, UserActor } from '../../domain/shared/actor.js';
import { rolesHave, type Permission } from '../../domain/user/permissions.js';

export function requireExercisePermission(
  actor: Actor,
  permission: Extract<Permission, 'exercise:read' | 'exercise:direct'>,
): asserts actor is UserActor {
  if (actor.kind !== 'user' || !rolesHave(actor.roles, permission)) {
    throw new AppError('EXERCISE_FORBIDDEN', { details: { permission } });
  }
}

export const EXERCISE_SUBJECT = 'exercise';
export const SCENARIO_SUBJECT = 'exercise_scenario';
