// The exercise section of a period report: results the exercise area scores for exercises this node
// directed that started in the period (docs/spec.md §7.2). They appear here only, never in the real figures.
import type { ExerciseResultRow } from '../../domain/report/period-report.js';
import type { ReportPeriod } from '../../domain/report/period.js';
import type { ServiceContext } from '../context.js';
import { listExerciseResults } from '../exercise/exercise-results.js';

export async function periodExerciseResults(
  ctx: ServiceContext,
  period: ReportPeriod,
  peer: string | null,
): Promise<ExerciseResultRow[]> {
  const results = await listExerciseResults(ctx, { from: new Date(period.from), to: new Date(period.to) });
  return results.flatMap((ex) =>
    ex.parties
      .filter((p) => peer === null || p.partyId === peer)
      .map((p) => ({
        exercise: [ex.title.zh, ex.title.en].filter(Boolean).join(' / '),
        startedAt: ex.startedAt.toISOString(),
        party: p.partyId,
        score: p.score,
        injects: p.injects.length,
        met: p.injects.filter((i) => i.met === true).length,
        missed: p.injects.filter((i) => i.met === false).length,
      })),
  );
}
