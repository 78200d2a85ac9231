// Inbound hotline messages: each body version has its schema (reusing the call domain's action and
// callback shapes); applied through the call use cases inside the inbox transaction.
import { z } from 'zod';
import {
  CALL_LANGUAGES,
  CALL_TOPICS,
  CALL_URGENCIES,
  ZCallActionSchema,
  ZCallCallbackSchema,
} from '../../domain/call/index.js';
import type { ServiceContext } from '../../services/context.js';
import {
  applyPeerCallStep,
  CALL_PLACED,
  CALL_STEP,
  receiveCallFromPeer,
  type CallPlacedBody,
  type CallStepBody,
} from '../../services/call/call-federation.js';
import type { Queryable } from '../../storage/db.js';
import { joinTransaction } from '../../storage/join-transaction.js';
import { registerInboundHandler, type InboundMessage } from '../inbound-handlers.js';

const ZPlacedBodyV1: z.ZodType<CallPlacedBody> = z.object({
  id: z.uuid(),
  reference: z.string().min(1).max(200),
  topic: z.enum(CALL_TOPICS),
  urgency: z.enum(CALL_URGENCIES),
  message: z.string().min(1).max(4000),
  language: z.enum(CALL_LANGUAGES),
  callback: ZCallCallbackSchema,
  placedBy: z.string().min(1).max(300),
  placedAt: z.iso.datetime(),
  ackPeriodMs: z.number().int().positive(),
  exerciseId: z.string().min(1).max(64).optional(),
});
const ZStepBodyV1: z.ZodType<CallStepBody> = z.object({
  callId: z.uuid(),
  input: ZCallActionSchema,
  by: z.string().min(1).max(300),
  at: z.iso.datetime(),
});

export async function applyCallPlaced(
  ctx: ServiceContext,
  tx: Queryable,
  msg: InboundMessage<CallPlacedBody>,
): Promise<void> {
  await receiveCallFromPeer(
    { ...ctx, db: joinTransaction(ctx.db, tx) },
    { kind: 'peer', partyId: msg.from, name: msg.body.placedBy },
    msg.body,
  );
}

export async function applyCallStep(
  ctx: ServiceContext,
  tx: Queryable,
  msg: InboundMessage<CallStepBody>,
): Promise<void> {
  await applyPeerCallStep(
    { ...ctx, db: joinTransaction(ctx.db, tx) },
    { kind: 'peer', partyId: msg.from, name: msg.body.by },
    msg.body,
  );
}

export function registerCallHandlers(): void {
  registerInboundHandler(CALL_PLACED, { schemas: { 1: ZPlacedBodyV1 }, handler: applyCallPlaced });
  registerInboundHandler(CALL_STEP, { schemas: { 1: ZStepBodyV1 }, handler: applyCallStep });
}
