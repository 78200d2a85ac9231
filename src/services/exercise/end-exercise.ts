// Use case: the director ends a running exercise; injects not yet fired never will be, the score
// is frozen at this instant, and the participants' nodes are told.
import { AppError } from '../../errors.js';
import { endExercise as decideEnd, type Exercise } from '../../domain/exercise/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { findExercise, updateExercise } from '../../storage/repositories/exercise.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { EXERCISE_SUBJECT, requireExercisePermission } from './exercise-access.js';
import { publishExerciseEnded } from './exercise-federation.js';

export async function endExercise(ctx: ServiceContext, actor: Actor, id: string): Promise<Exercise> {
  requireExercisePermission(actor, 'exercise:direct');
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const before = await findExercise(tx, id, true);
    if (!before) throw new AppError('EXERCISE_NOT_FOUND', { details: { id } });
    const after = decideEnd(before, now);
    await updateExercise(tx, after, before.version);
    await recordChange(
      tx,
      { actor, subjectType: EXERCISE_SUBJECT, subjectId: id, events: [{ type: 'ended', at: after.endedAt! }] },
      now,
    );
    await publishExerciseEnded(tx, ctx, after);
    return after;
  });
}
