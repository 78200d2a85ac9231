// Inbound request messages: each body version has its schema (the request snapshot reuses the
// request domain's field shapes); applied through the request use cases inside the inbox
// transaction (so the state change and the receipt commit together).
import { z } from 'zod';
import { ZRequestActionSchema, ZSubmittedRequestSnapshotSchema } from '../../domain/request/index.js';
import type { ServiceContext } from '../../services/context.js';
import {
  applyPeerRequestStep,
  receiveRequestFromPeer,
  REQUEST_STEP,
  REQUEST_SUBMITTED,
  type RequestStepBody,
  type RequestSubmittedBody,
} from '../../services/request/request-federation.js';
import type { Queryable } from '../../storage/db.js';
import { joinTransaction } from '../../storage/join-transaction.js';
import { registerInboundHandler, type InboundMessage } from '../inbound-handlers.js';

const ZSubmittedBodyV1: z.ZodType<RequestSubmittedBody> = z.object({
  snapshot: ZSubmittedRequestSnapshotSchema,
  exerciseId: z.string().min(1).max(64).optional(),
});
const ZStepBodyV1: z.ZodType<RequestStepBody> = z.object({
  requestId: z.uuid(),
  command: ZRequestActionSchema,
  at: z.iso.datetime({ offset: true }),
  by: z.string().max(300),
});

export async function applyRequestSubmitted(
  ctx: ServiceContext,
  tx: Queryable,
  msg: InboundMessage<RequestSubmittedBody>,
): Promise<void> {
  const { snapshot, exerciseId } = msg.body;
  await receiveRequestFromPeer(
    { ...ctx, db: joinTransaction(ctx.db, tx) },
    { kind: 'peer', partyId: msg.from, name: snapshot.createdBy },
    { snapshot, ...(exerciseId ? { exerciseId } : {}) },
    msg.createdAt,
  );
}

export async function applyRequestStep(
  ctx: ServiceContext,
  tx: Queryable,
  msg: InboundMessage<RequestStepBody>,
): Promise<void> {
  await applyPeerRequestStep(
    { ...ctx, db: joinTransaction(ctx.db, tx) },
    { kind: 'peer', partyId: msg.from, name: msg.body.by },
    msg.body,
  );
}

export function registerRequestHandlers(): void {
  registerInboundHandler(REQUEST_SUBMITTED, { schemas: { 1: ZSubmittedBodyV1 }, handler: applyRequestSubmitted });
  registerInboundHandler(REQUEST_STEP, { schemas: { 1: ZStepBodyV1 }, handler: applyRequestStep });
}
