// Use case: the director starts a prepared run: every participant must be an active peer; each
// inject gets one delivery row per party with its planned instant (the worker fires them), and the
// participants' nodes are told the exercise is running — all in one transaction.
import { AppError } from '../../errors.js';
import {
  scheduleInjects,
  startExercise as decideStart,
  type Exercise,
  type InjectDelivery,
} from '../../domain/exercise/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import { findExercise, insertDeliveries, updateExercise } from '../../storage/repositories/exercise.repository.js';
import { findPeer } from '../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { EXERCISE_SUBJECT, requireExercisePermission } from './exercise-access.js';
import { publishExerciseStarted } from './exercise-federation.js';

export async function startExercise(ctx: ServiceContext, actor: Actor, id: string): Promise<Exercise> {
  requireExercisePermission(actor, 'exercise:direct');
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const before = await findExercise(tx, id, true);
    if (!before) throw new AppError('EXERCISE_NOT_FOUND', { details: { id } });
    const after = decideStart(before, now);
    for (const party of after.participants) {
      const peer = await findPeer(tx, party);
      if (peer?.status !== 'active') throw new AppError('EXERCISE_PARTICIPANT_UNKNOWN', { details: { party } });
    }
    const kinds = new Map(after.injects.map((i) => [i.id, i.kind]));
    const deliveries: InjectDelivery[] = scheduleInjects(after.injects, now, after.timeScale).map((p) => ({
      id: newId(),
      exerciseId: id,
      injectId: p.injectId,
      party: p.party,
      kind: kinds.get(p.injectId)!,
      plannedAt: p.plannedAt,
      firedAt: null,
      callId: null,
      requestId: null,
      error: null,
    }));
    await updateExercise(tx, after, before.version);
    await insertDeliveries(tx, deliveries);
    await recordChange(
      tx,
      {
        actor,
        subjectType: EXERCISE_SUBJECT,
        subjectId: id,
        events: [
          {
            type: 'started',
            at: after.startedAt!,
            data: { participants: after.participants, timeScale: after.timeScale, injects: deliveries.length },
          },
        ],
      },
      now,
    );
    await publishExerciseStarted(tx, ctx, after);
    return after;
  });
}
