// Inbound 'exercise' channel messages: one schema per body version, applied through the exercise use
// cases inside the inbox transaction.
import { z } from 'zod';
import {
  INJECT_KINDS,
  type ExerciseEndedBody,
  type ExerciseInjectBody,
  type ExerciseStartedBody,
} from '../../domain/exercise/index.js';
import type { ServiceContext } from '../../services/context.js';
import { EXERCISE_ENDED, EXERCISE_INJECT, EXERCISE_STARTED } from '../../services/exercise/exercise-federation.js';
import {
  receiveExerciseEnded,
  receiveExerciseInject,
  receiveExerciseStarted,
} from '../../services/exercise/receive-exercise.js';
import type { Queryable } from '../../storage/db.js';
import { joinTransaction } from '../../storage/join-transaction.js';
import { registerInboundHandler, type InboundMessage } from '../inbound-handlers.js';

const Id = z.string().min(1).max(64);
const Iso = z.iso.datetime({ offset: true });
const Bilingual = (max: number) => z.object({ en: z.string().max(max), zh: z.string().max(max) });

const ZStartedV1: z.ZodType<ExerciseStartedBody> = z.object({
  exerciseId: Id,
  title: Bilingual(300),
  briefing: Bilingual(10_000),
  timeScale: z.number().min(1).max(600),
  startedAt: Iso,
  injects: z
    .array(
      z.object({ id: Id, offsetMinutes: z.number().int().min(0), kind: z.enum(INJECT_KINDS), title: Bilingual(300) }),
    )
    .max(50),
});
const ZInjectV1: z.ZodType<ExerciseInjectBody> = z.object({
  exerciseId: Id,
  injectId: Id,
  title: Bilingual(300),
  text: Bilingual(4000),
  at: Iso,
});
const ZEndedV1: z.ZodType<ExerciseEndedBody> = z.object({ exerciseId: Id, endedAt: Iso });

const peerOf = (msg: { from: string }) => ({ kind: 'peer' as const, partyId: msg.from });

async function applyStarted(
  ctx: ServiceContext,
  tx: Queryable,
  msg: InboundMessage<ExerciseStartedBody>,
): Promise<void> {
  await receiveExerciseStarted({ ...ctx, db: joinTransaction(ctx.db, tx) }, peerOf(msg), msg.body);
}

async function applyInject(ctx: ServiceContext, tx: Queryable, msg: InboundMessage<ExerciseInjectBody>): Promise<void> {
  await receiveExerciseInject({ ...ctx, db: joinTransaction(ctx.db, tx) }, peerOf(msg), msg.body);
}

async function applyEnded(ctx: ServiceContext, tx: Queryable, msg: InboundMessage<ExerciseEndedBody>): Promise<void> {
  await receiveExerciseEnded({ ...ctx, db: joinTransaction(ctx.db, tx) }, peerOf(msg), msg.body);
}

export function registerExerciseHandlers(): void {
  registerInboundHandler(EXERCISE_STARTED, { schemas: { 1: ZStartedV1 }, handler: applyStarted });
  registerInboundHandler(EXERCISE_INJECT, { schemas: { 1: ZInjectV1 }, handler: applyInject });
  registerInboundHandler(EXERCISE_ENDED, { schemas: { 1: ZEndedV1 }, handler: applyEnded });
}
