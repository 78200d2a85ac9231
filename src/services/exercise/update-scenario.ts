// Use case: the director edits a scenario; runs already created keep their own copy.
import { AppError } from '../../errors.js';
import type { Scenario, TScenarioInput } from '../../domain/exercise/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { findScenario, updateScenario as saveScenario } from '../../storage/repositories/exercise.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { requireExercisePermission, SCENARIO_SUBJECT } from './exercise-access.js';
import { checkedScenario } from './scenario-input.js';

export async function updateScenario(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: TScenarioInput,
): Promise<Scenario> {
  requireExercisePermission(actor, 'exercise:direct');
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const before = await findScenario(tx, id, true);
    if (!before) throw new AppError('EXERCISE_SCENARIO_NOT_FOUND', { details: { id } });
    const { participants, injects, groupExpansion } = await checkedScenario(tx, ctx, actor, input, now);
    const at = now.toISOString();
    const after: Scenario = {
      ...before,
      title: input.title,
      briefing: input.briefing,
      participants,
      injects,
      updatedAt: at,
      version: before.version + 1,
    };
    await saveScenario(tx, after, before.version);
    await recordChange(
      tx,
      {
        actor,
        subjectType: SCENARIO_SUBJECT,
        subjectId: id,
        events: [
          {
            type: 'updated',
            at,
            data: { injects: injects.length, ...(groupExpansion ? { participants, groupExpansion } : {}) },
          },
        ],
      },
      now,
    );
    return after;
  });
}
