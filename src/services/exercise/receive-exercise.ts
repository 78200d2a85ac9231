// Participant side: the director's node announces, informs and ends an exercise on the 'exercise'
// channel; this node keeps what it learns (each message applied once, in order).
import {
  closeParticipation,
  joinExercise,
  receiveInfo,
  type ExerciseEndedBody,
  type ExerciseInjectBody,
  type ExerciseStartedBody,
} from '../../domain/exercise/index.js';
import type { PeerActor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import {
  findParticipation,
  insertParticipation,
  updateParticipation,
} from '../../storage/repositories/exercise.repository.js';
import type { ServiceContext } from '../context.js';
import { partyNames } from '../federation/list-parties.js';
import { notify } from '../notification/notify.js';
import { recordChange } from '../shared/record-change.js';
import { EXERCISE_SUBJECT } from './exercise-access.js';

export async function receiveExerciseStarted(
  ctx: ServiceContext,
  peer: PeerActor,
  body: ExerciseStartedBody,
): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    if (await findParticipation(tx, body.exerciseId)) return;
    const p = joinExercise(body, peer.partyId, now);
    await insertParticipation(tx, p);
    await recordChange(
      tx,
      {
        actor: peer,
        subjectType: EXERCISE_SUBJECT,
        subjectId: p.id,
        events: [{ type: 'joined', at: now.toISOString(), data: { director: peer.partyId } }],
      },
      now,
    );
    const director = (await partyNames(ctx, tx))(peer.partyId);
    await notify(
      tx,
      {
        to: { role: 'point_of_contact' },
        kind: 'exercise.started',
        subjectType: EXERCISE_SUBJECT,
        subjectId: p.id,
        severity: 'info',
        title: { en: `[EXERCISE] ${p.title.en} has started`, zh: `【演练】${p.title.zh} 已开始` },
        body: {
          en: `Directed by ${director.en}. Its calls and requests appear in your inbox and hotline list marked EXERCISE; respond with the normal tools.`,
          zh: `由${director.zh}导演。演练中的呼叫和请求会出现在收件箱和热线列表中，并标注“演练”；请用常规工具处理。`,
        },
      },
      now,
    );
  });
}

async function changeParticipation(
  ctx: ServiceContext,
  peer: PeerActor,
  exerciseId: string,
  type: string,
  change: (
    p: NonNullable<Awaited<ReturnType<typeof findParticipation>>>,
    now: Date,
  ) => NonNullable<Awaited<ReturnType<typeof findParticipation>>>,
): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const before = await findParticipation(tx, exerciseId, true);
    // Messages on one channel arrive in order, so the announcement always comes first.
    if (!before || before.directorParty !== peer.partyId)
      throw new AppError('EXERCISE_NOT_FOUND', { details: { id: exerciseId } });
    const after = change(before, now);
    if (after === before) return;
    await updateParticipation(tx, after, before.version);
    await recordChange(
      tx,
      { actor: peer, subjectType: EXERCISE_SUBJECT, subjectId: exerciseId, events: [{ type, at: now.toISOString() }] },
      now,
    );
  });
}

export function receiveExerciseInject(ctx: ServiceContext, peer: PeerActor, body: ExerciseInjectBody): Promise<void> {
  return changeParticipation(ctx, peer, body.exerciseId, 'info_received', (p, now) => receiveInfo(p, body, now));
}

export function receiveExerciseEnded(ctx: ServiceContext, peer: PeerActor, body: ExerciseEndedBody): Promise<void> {
  return changeParticipation(ctx, peer, body.exerciseId, 'ended', (p, now) => closeParticipation(p, body, now));
}
