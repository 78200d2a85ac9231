// Inbound request messages: shape-checked here, then applied through the request use cases inside
// the inbox transaction (so the state change and the receipt commit together).
import { z } from 'zod';
import { ZRequestActionSchema } from '../../domain/request/index.js';
import type { SubmittedRequestSnapshot } from '../../domain/request/index.js';
import type { ServiceContext } from '../../services/context.js';
import {
  applyPeerRequestStep, receiveRequestFromPeer, REQUEST_STEP, REQUEST_SUBMITTED,
} from '../../services/request/request-federation.js';
import type { Queryable } from '../../storage/db.js';
import { joinTransaction } from '../../storage/join-transaction.js';
import type { InboundMessage } from '../inbound-handlers.js';
import { parseBody } from './parse-body.js';

const ZSubmittedBody = z.object({
  snapshot: z.object({ id: z.uuid(), reference: z.string().min(1).max(200), requestingParty: z.string(), requestedParty: z.string(), createdBy: z.string().max(300) }).passthrough(),
  exerciseId: z.string().min(1).max(64).optional(),
});
const ZStepBody = z.object({ requestId: z.uuid(), command: ZRequestActionSchema, at: z.iso.datetime(), by: z.string().max(300) });

export async function applyRequestSubmitted(ctx: ServiceContext, tx: Queryable, msg: InboundMessage): Promise<void> {
  const body = parseBody(ZSubmittedBody, msg);
  const snapshot = body.snapshot as unknown as SubmittedRequestSnapshot;
  await receiveRequestFromPeer({ ...ctx, db: joinTransaction(ctx.db, tx) }, { kind: 'peer', partyId: msg.from, name: snapshot.createdBy }, { snapshot, ...(body.exerciseId ? { exerciseId: body.exerciseId } : {}) }, msg.createdAt);
}

export async function applyRequestStep(ctx: ServiceContext, tx: Queryable, msg: InboundMessage): Promise<void> {
  const body = parseBody(ZStepBody, msg);
  await applyPeerRequestStep({ ...ctx, db: joinTransaction(ctx.db, tx) }, { kind: 'peer', partyId: msg.from, name: body.by }, body);
}

export const REQUEST_HANDLERS = [
  [REQUEST_SUBMITTED, applyRequestSubmitted],
  [REQUEST_STEP, applyRequestStep],
] as const;
