// The 'exercise' channel: participants' nodes learn that an exercise runs (briefing and the injects
// announced for them), receive information injects, and learn when it ends. Calls and requests
// injected by the exercise travel on their own channels, marked with the exercise id.
import type {
  AnnouncedInject,
  Exercise,
  ExerciseEndedBody,
  ExerciseInjectBody,
  ExerciseStartedBody,
  InfoInject,
} from '../../domain/exercise/index.js';
import { enqueueMessage } from '../../federation/outbox.js';
import type { Queryable } from '../../storage/db.js';
import type { ServiceContext } from '../context.js';

export const EXERCISE_CHANNEL = 'exercise';
export const EXERCISE_STARTED = 'exercise.started';
export const EXERCISE_INJECT = 'exercise.inject';
export const EXERCISE_ENDED = 'exercise.ended';

export async function publishExerciseStarted(tx: Queryable, ctx: ServiceContext, ex: Exercise): Promise<void> {
  for (const party of ex.participants) {
    const injects: AnnouncedInject[] = ex.injects
      .filter((i) => i.party === party)
      .map((i) => ({ id: i.id, offsetMinutes: i.offsetMinutes, kind: i.kind, title: i.title }));
    const body: ExerciseStartedBody = {
      exerciseId: ex.id,
      title: ex.title,
      briefing: ex.briefing,
      timeScale: ex.timeScale,
      startedAt: ex.startedAt!,
      injects,
    };
    await enqueueMessage(tx, ctx, { to: party, channel: EXERCISE_CHANNEL, type: EXERCISE_STARTED, schema: 1, body });
  }
}

export async function publishInfoInject(
  tx: Queryable,
  ctx: ServiceContext,
  exerciseId: string,
  inject: InfoInject,
  at: Date,
): Promise<void> {
  const body: ExerciseInjectBody = {
    exerciseId,
    injectId: inject.id,
    title: inject.title,
    text: inject.text,
    at: at.toISOString(),
  };
  await enqueueMessage(tx, ctx, {
    to: inject.party,
    channel: EXERCISE_CHANNEL,
    type: EXERCISE_INJECT,
    schema: 1,
    body,
  });
}

export async function publishExerciseEnded(tx: Queryable, ctx: ServiceContext, ex: Exercise): Promise<void> {
  const body: ExerciseEndedBody = { exerciseId: ex.id, endedAt: ex.endedAt! };
  for (const party of ex.participants)
    await enqueueMessage(tx, ctx, { to: party, channel: EXERCISE_CHANNEL, type: EXERCISE_ENDED, schema: 1, body });
}
