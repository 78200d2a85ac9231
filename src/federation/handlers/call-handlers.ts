// Inbound hotline messages: shape-checked here, then applied through the call use cases inside the
// inbox transaction.
import { z } from 'zod';
import { CALL_LANGUAGES, CALL_TOPICS, CALL_URGENCIES, ZCallActionSchema, ZCallCallbackSchema } from '../../domain/call/index.js';
import type { ServiceContext } from '../../services/context.js';
import {
  applyPeerCallStep, CALL_PLACED, CALL_STEP, receiveCallFromPeer, type CallStepBody,
} from '../../services/call/call-federation.js';
import type { Queryable } from '../../storage/db.js';
import { joinTransaction } from '../../storage/join-transaction.js';
import type { InboundMessage } from '../inbound-handlers.js';
import { parseBody } from './parse-body.js';

const ZPlacedBody = z.object({
  id: z.uuid(), reference: z.string().min(1).max(200), topic: z.enum(CALL_TOPICS), urgency: z.enum(CALL_URGENCIES),
  message: z.string().min(1).max(4000), language: z.enum(CALL_LANGUAGES), callback: ZCallCallbackSchema,
  placedBy: z.string().min(1).max(300), placedAt: z.iso.datetime(), ackPeriodMs: z.number().int().positive(),
  exerciseId: z.string().min(1).max(64).optional(),
});
const ZStepBody = z.object({ callId: z.uuid(), input: ZCallActionSchema, by: z.string().min(1).max(300), at: z.iso.datetime() });

export async function applyCallPlaced(ctx: ServiceContext, tx: Queryable, msg: InboundMessage): Promise<void> {
  const body = parseBody(ZPlacedBody, msg);
  await receiveCallFromPeer({ ...ctx, db: joinTransaction(ctx.db, tx) }, { kind: 'peer', partyId: msg.from, name: body.placedBy }, body);
}

export async function applyCallStep(ctx: ServiceContext, tx: Queryable, msg: InboundMessage): Promise<void> {
  const body = parseBody(ZStepBody, msg) as CallStepBody;
  await applyPeerCallStep({ ...ctx, db: joinTransaction(ctx.db, tx) }, { kind: 'peer', partyId: msg.from, name: body.by }, body);
}

export const CALL_HANDLERS = [
  [CALL_PLACED, applyCallPlaced],
  [CALL_STEP, applyCallStep],
] as const;
