// Inbound 'exercise' channel messages: shape-checked here, then applied through the exercise use
// cases inside the inbox transaction.
import { z } from 'zod';
import { INJECT_KINDS } from '../../domain/exercise/index.js';
import type { ServiceContext } from '../../services/context.js';
import {
  EXERCISE_ENDED, EXERCISE_INJECT, EXERCISE_STARTED,
} from '../../services/exercise/exercise-federation.js';
import { receiveExerciseEnded, receiveExerciseInject, receiveExerciseStarted } from '../../services/exercise/receive-exercise.js';
import type { Queryable } from '../../storage/db.js';
import { joinTransaction } from '../../storage/join-transaction.js';
import type { InboundMessage } from '../inbound-handlers.js';
import { parseBody } from './parse-body.js';

const Id = z.string().min(1).max(64);
const Iso = z.iso.datetime({ offset: true });
const Bilingual = (max: number) => z.object({ en: z.string().max(max), zh: z.string().max(max) });

const ZStarted = z.object({
  exerciseId: Id, title: Bilingual(300), briefing: Bilingual(10_000), timeScale: z.number().min(1).max(600), startedAt: Iso,
  injects: z.array(z.object({ id: Id, offsetMinutes: z.number().int().min(0), kind: z.enum(INJECT_KINDS), title: Bilingual(300) })).max(50),
});
const ZInject = z.object({ exerciseId: Id, injectId: Id, title: Bilingual(300), text: Bilingual(4000), at: Iso });
const ZEnded = z.object({ exerciseId: Id, endedAt: Iso });

const peerOf = (msg: InboundMessage) => ({ kind: 'peer' as const, partyId: msg.from });

async function applyStarted(ctx: ServiceContext, tx: Queryable, msg: InboundMessage): Promise<void> {
  await receiveExerciseStarted({ ...ctx, db: joinTransaction(ctx.db, tx) }, peerOf(msg), parseBody(ZStarted, msg));
}

async function applyInject(ctx: ServiceContext, tx: Queryable, msg: InboundMessage): Promise<void> {
  await receiveExerciseInject({ ...ctx, db: joinTransaction(ctx.db, tx) }, peerOf(msg), parseBody(ZInject, msg));
}

async function applyEnded(ctx: ServiceContext, tx: Queryable, msg: InboundMessage): Promise<void> {
  await receiveExerciseEnded({ ...ctx, db: joinTransaction(ctx.db, tx) }, peerOf(msg), parseBody(ZEnded, msg));
}

export const EXERCISE_HANDLERS = [
  [EXERCISE_STARTED, applyStarted],
  [EXERCISE_INJECT, applyInject],
  [EXERCISE_ENDED, applyEnded],
] as const;
