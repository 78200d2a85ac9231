// Use case (worker): fire one due inject. The delivery row is locked and stamped in the same
// transaction that places the call or creates and submits the request through the normal services
// (with their audit, history and outbox), so an inject fires exactly once, also across restarts
// and several processes. A refusal (e.g. the peer was suspended) is recorded on the row instead.
import { isAppError } from '../../errors.js';
import {
  callMessage,
  markedSubject,
  type Exercise,
  type Inject,
  type InjectDelivery,
} from '../../domain/exercise/index.js';
import { applyRequestCommand } from '../../domain/request/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { Queryable } from '../../storage/db.js';
import {
  claimDelivery,
  dueDeliveryIds,
  findExercise,
  markDeliveryFired,
} from '../../storage/repositories/exercise.repository.js';
import { insertPlacedCall } from '../call/place-call.js';
import type { ServiceContext } from '../context.js';
import { insertDraftRequest } from '../request/create-request-draft.js';
import { publishRequestStep } from '../request/request-federation.js';
import { requestClockPolicy, saveRequestChange } from '../request/request-support.js';
import { recordChange } from '../shared/record-change.js';
import { EXERCISE_SUBJECT } from './exercise-access.js';
import { publishInfoInject } from './exercise-federation.js';

type Created = { callId?: string; requestId?: string };

function directorOf(ex: Exercise, partyId: string): UserActor {
  return { kind: 'user', userId: ex.director.userId, name: ex.director.name, roles: ex.director.roles, partyId };
}

async function createFor(
  tx: Queryable,
  ctx: ServiceContext,
  ex: Exercise,
  inject: Inject,
  d: InjectDelivery,
  now: Date,
): Promise<Created> {
  const actor = directorOf(ex, ctx.config.nodeId);
  const marks = { exerciseId: ex.id };
  // The records' own clocks run at the exercise's pace: deadlines, overdue flags and escalations
  // come when the exercise expects them, and the score reads them back as exercise minutes.
  if (inject.kind === 'call') {
    const call = await insertPlacedCall(
      tx,
      ctx,
      actor,
      {
        toParty: d.party,
        topic: inject.topic,
        urgency: inject.urgency,
        message: callMessage(inject.text),
        language: 'en',
        callback: inject.callback,
      },
      now,
      { ...marks, timeScale: ex.timeScale },
    );
    return { callId: call.id };
  }
  if (inject.kind === 'request') {
    const input = { ...inject.request, subject: markedSubject(inject.request.subject), requestedParty: d.party };
    const { record: draft } = await insertDraftRequest(tx, ctx, actor, input, now, marks);
    const submit = { action: 'submit' } as const;
    const { record, events } = applyRequestCommand(draft, submit, actor, now, {
      clockPolicy: requestClockPolicy(ctx),
      timeScale: ex.timeScale,
    });
    await saveRequestChange(tx, ctx, actor, draft, record, events, now);
    await publishRequestStep(tx, ctx, draft, record, submit, actor, now);
    return { requestId: record.id };
  }
  await publishInfoInject(tx, ctx, ex.id, inject, now);
  return {};
}

export type FireOutcome = 'fired' | 'failed' | 'skipped';

/** Unfired injects whose planned instant is at or before `now`, oldest first (the exercise worker's sweep). */
export async function dueInjectIds(ctx: ServiceContext, now: Date, limit: number): Promise<string[]> {
  return dueDeliveryIds(ctx.db, now.toISOString(), limit);
}

export async function fireInject(ctx: ServiceContext, deliveryId: string, now: Date): Promise<FireOutcome> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const d = await claimDelivery(tx, deliveryId);
      if (!d) return 'skipped';
      const ex = await findExercise(tx, d.exerciseId);
      const inject = ex?.injects.find((i) => i.id === d.injectId);
      if (!ex || ex.state !== 'running' || !inject) return 'skipped';
      const created = await createFor(tx, ctx, ex, inject, d, now);
      await markDeliveryFired(tx, d.id, { firedAt: now.toISOString(), ...created });
      await recordChange(
        tx,
        {
          actor: { kind: 'system', partyId: ctx.config.nodeId },
          subjectType: EXERCISE_SUBJECT,
          subjectId: ex.id,
          events: [
            {
              type: 'inject_fired',
              at: now.toISOString(),
              data: { injectId: d.injectId, party: d.party, kind: d.kind, ...created },
            },
          ],
        },
        now,
      );
      return 'fired';
    });
  } catch (err) {
    // A refusal by the rules is final: recorded once so the board shows it and the worker moves on.
    if (!isAppError(err)) throw err;
    return ctx.db.transaction(async (tx) => {
      const d = await claimDelivery(tx, deliveryId);
      if (!d) return 'skipped';
      await markDeliveryFired(tx, d.id, { firedAt: now.toISOString(), error: err.bilingual });
      await recordChange(
        tx,
        {
          actor: { kind: 'system', partyId: ctx.config.nodeId },
          subjectType: EXERCISE_SUBJECT,
          subjectId: d.exerciseId,
          events: [
            {
              type: 'inject_failed',
              at: now.toISOString(),
              data: { injectId: d.injectId, party: d.party, code: err.code },
            },
          ],
        },
        now,
      );
      return 'failed';
    });
  }
}
