// Use case: the director's live board, and at the end the score: per inject × party what was sent,
// delivered and done against which deadline (live clocks while it runs), the score per party and
// the timeline, all computed from this node's records at the time of asking.
import { AppError } from '../../errors.js';
import {
  buildTimeline,
  exerciseMinuteAt,
  scoreExercise,
  type Exercise,
  type InjectScore,
  type PartyScore,
  type TimelineEntry,
} from '../../domain/exercise/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { Bilingual } from '../../error-types.js';
import { findExercise, listDeliveries } from '../../storage/repositories/exercise.repository.js';
import type { ServiceContext } from '../context.js';
import { requireExercisePermission } from './exercise-access.js';
import { observeInjects, type ObservedInject } from './observe-injects.js';

export type BoardRow = {
  injectId: string;
  party: string;
  kind: ObservedInject['kind'];
  title: Bilingual;
  offsetMinutes: number;
  plannedAt: string;
  firedAt: string | null;
  error: Bilingual | null;
  callId: string | null;
  requestId: string | null;
  reference: string | null;
  status: string | null;
  deliveredAt: string | null;
  /** Real instants by which each deadline-bound step is due (for live countdowns). */
  dueAt: { acknowledge: string | null; fulfil: string | null };
  score: InjectScore;
};

export type ExerciseBoard = {
  exercise: Exercise;
  minute: number | null;
  rows: BoardRow[];
  parties: Omit<PartyScore, 'injects'>[];
  timeline: TimelineEntry[];
};

/** A real deadline instant seen through the time scale: a 15-minute deadline at 60× is due after 15 s. */
function scaledDue(
  sentAt: string | null,
  deadlineMinutes: number | null | undefined,
  timeScale: number,
): string | null {
  if (!sentAt || deadlineMinutes == null) return null;
  return new Date(Date.parse(sentAt) + (deadlineMinutes * 60_000) / timeScale).toISOString();
}

export async function buildBoard(ctx: ServiceContext, exercise: Exercise, now: Date): Promise<ExerciseBoard> {
  const observed = await observeInjects(ctx.db, await listDeliveries(ctx.db, [exercise.id]), exercise.timeScale);
  const parties = scoreExercise({
    timeScale: exercise.timeScale,
    endedAt: exercise.endedAt,
    observations: observed,
    participants: exercise.participants,
    now,
  });
  const scores = new Map(parties.flatMap((p) => p.injects.map((s) => [`${s.injectId}/${s.party}`, s] as const)));
  const rows = observed.map((o): BoardRow => {
    const inject = exercise.injects.find((i) => i.id === o.injectId);
    const d = o.delivery;
    return {
      injectId: o.injectId,
      party: o.party,
      kind: o.kind,
      title: inject?.title ?? { en: o.injectId, zh: o.injectId },
      offsetMinutes: inject?.offsetMinutes ?? 0,
      plannedAt: d.plannedAt,
      firedAt: d.firedAt,
      error: d.error,
      callId: d.callId,
      requestId: d.requestId,
      reference: o.call?.reference ?? o.request?.reference ?? null,
      status: o.call?.status ?? o.request?.status ?? null,
      deliveredAt: o.call?.deliveredAt ?? null,
      dueAt: {
        acknowledge: scaledDue(o.sentAt, o.steps.acknowledge?.deadlineMinutes, exercise.timeScale),
        fulfil: scaledDue(o.sentAt, o.steps.fulfil?.deadlineMinutes, exercise.timeScale),
      },
      score: scores.get(`${o.injectId}/${o.party}`)!,
    };
  });
  return {
    exercise,
    minute: exercise.startedAt
      ? exerciseMinuteAt(exercise.startedAt, exercise.endedAt ? new Date(exercise.endedAt) : now, exercise.timeScale)
      : null,
    rows,
    parties: parties.map(({ injects: _injects, ...p }) => p),
    timeline: exercise.startedAt ? buildTimeline(exercise.startedAt, exercise.timeScale, observed) : [],
  };
}

export async function getExerciseBoard(ctx: ServiceContext, actor: Actor, id: string): Promise<ExerciseBoard> {
  requireExercisePermission(actor, 'exercise:read');
  const exercise = await findExercise(ctx.db, id);
  if (!exercise) throw new AppError('EXERCISE_NOT_FOUND', { details: { id } });
  return buildBoard(ctx, exercise, ctx.clock());
}
