// Use case: the director writes a new exercise scenario (bilingual, participants, timed injects).
import type { Scenario, TScenarioInput } from '../../domain/exercise/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import { insertScenario } from '../../storage/repositories/exercise.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { requireExercisePermission, SCENARIO_SUBJECT } from './exercise-access.js';
import { checkedScenario } from './scenario-input.js';

export async function createScenario(ctx: ServiceContext, actor: Actor, input: TScenarioInput): Promise<Scenario> {
  requireExercisePermission(actor, 'exercise:direct');
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const { participants, injects, groupExpansion } = await checkedScenario(tx, ctx, actor, input, now);
    const at = now.toISOString();
    const scenario: Scenario = {
      id: newId(),
      title: input.title,
      briefing: input.briefing,
      participants,
      injects,
      createdBy: actor.name,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    await insertScenario(tx, scenario);
    await recordChange(
      tx,
      {
        actor,
        subjectType: SCENARIO_SUBJECT,
        subjectId: scenario.id,
        events: [
          {
            type: 'created',
            at,
            data: {
              title: scenario.title.en,
              injects: injects.length,
              ...(groupExpansion ? { participants, groupExpansion } : {}),
            },
          },
        ],
      },
      now,
    );
    return scenario;
  });
}
