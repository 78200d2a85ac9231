// Published for the reports area (docs/spec.md §10.4): the results of the exercises this node directed that
// started in a period — per party its score and, per inject, the measured minutes against the
// deadlines (exercise minutes; see src/domain/exercise/scoring.ts for the formula).
import type { Bilingual } from '../../error-types.js';
import { scoreExercise, type InjectKind, type StepName } from '../../domain/exercise/index.js';
import { listDeliveries, listExercises } from '../../storage/repositories/exercise.repository.js';
import type { ServiceContext } from '../context.js';
import { observeInjects } from './observe-injects.js';

export type ExerciseInjectResult = {
  injectId: string;
  kind: InjectKind;
  measured: { acknowledgeMinutes?: number; acceptMinutes?: number; fulfilMinutes?: number };
  deadlines: { acknowledgeMinutes?: number; fulfilMinutes?: number };
  /** true: every deadline met; false: one missed; null: nothing to judge yet (or an information inject). */
  met: boolean | null;
};

export type ExerciseResult = {
  exerciseId: string;
  title: Bilingual;
  startedAt: Date;
  endedAt?: Date;
  /** Score 0–100 per party; null while none of its steps could be scored. */
  parties: { partyId: string; score: number | null; injects: ExerciseInjectResult[] }[];
};

const KEY: Record<StepName, 'acknowledgeMinutes' | 'acceptMinutes' | 'fulfilMinutes'> = {
  acknowledge: 'acknowledgeMinutes',
  accept: 'acceptMinutes',
  fulfil: 'fulfilMinutes',
};

/** Exercises started in [from, to), oldest first, scored as of now (or as of their end). */
export async function listExerciseResults(
  ctx: ServiceContext,
  range: { from: Date; to: Date },
): Promise<ExerciseResult[]> {
  const now = ctx.clock();
  const exercises = (
    await listExercises(ctx.db, {
      startedFrom: range.from.toISOString(),
      startedTo: range.to.toISOString(),
      limit: 1000,
    })
  ).reverse();
  const deliveries = await listDeliveries(
    ctx.db,
    exercises.map((e) => e.id),
  );
  const results: ExerciseResult[] = [];
  for (const ex of exercises) {
    const observed = await observeInjects(
      ctx.db,
      deliveries.filter((d) => d.exerciseId === ex.id),
      ex.timeScale,
    );
    const parties = scoreExercise({
      timeScale: ex.timeScale,
      endedAt: ex.endedAt,
      observations: observed,
      participants: ex.participants,
      now,
    });
    results.push({
      exerciseId: ex.id,
      title: ex.title,
      startedAt: new Date(ex.startedAt!),
      ...(ex.endedAt ? { endedAt: new Date(ex.endedAt) } : {}),
      parties: parties.map((p) => ({
        partyId: p.party,
        score: p.score,
        injects: p.injects.map((i) => {
          const measured: ExerciseInjectResult['measured'] = {};
          const deadlines: ExerciseInjectResult['deadlines'] = {};
          for (const s of i.steps) {
            if (s.measuredMinutes != null) measured[KEY[s.step]] = s.measuredMinutes;
            if (s.deadlineMinutes != null && s.step !== 'accept')
              deadlines[KEY[s.step] as 'acknowledgeMinutes' | 'fulfilMinutes'] = s.deadlineMinutes;
          }
          return { injectId: i.injectId, kind: i.kind, measured, deadlines, met: i.met };
        }),
      })),
    });
  }
  return results;
}
