// Transport control messages (channel 'control'): a receiver asking for a re-send of a gap, and a
// receiver reporting that a message it had held (receipted 'accepted') was refused when its turn came.
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { afterCommit, type Queryable } from '../../storage/db.js';
import { rejectSentMessage, requeueOutbox } from '../../storage/repositories/federation-outbox.repository.js';
import { clearRetryGate } from '../../storage/repositories/federation-peer-state.repository.js';
import { registerInboundHandler, type InboundMessage } from '../inbound-handlers.js';
import { signalOutbox } from '../outbox-signal.js';

export const CONTROL_CHANNEL = 'control';
export const RESEND_TYPE = 'federation.resend';
export const RESULT_TYPE = 'federation.result';

const ZSeq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export const ZResendBody = z.strictObject({ channel: z.string().min(1).max(128), fromSeq: ZSeq, toSeq: ZSeq });
export const ZResultBody = z.strictObject({
  mid: z.string().min(1).max(64),
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/),
});

/** Makes the named range due again now (sent rows included: the receiver says it does not have them). */
export async function applyResend(
  ctx: ServiceContext,
  tx: Queryable,
  msg: InboundMessage<z.infer<typeof ZResendBody>>,
): Promise<void> {
  const body = msg.body;
  if (body.toSeq < body.fromSeq) return;
  const requeued = await requeueOutbox(tx, msg.from, body.channel, body.fromSeq, body.toSeq, ctx.clock());
  await clearRetryGate(tx, msg.from);
  ctx.logger.info({ peer: msg.from, ...body, requeued }, 'peer asked for a re-send');
  afterCommit(tx, () => signalOutbox(ctx.db, msg.from));
}

export async function applyResult(
  _ctx: ServiceContext,
  tx: Queryable,
  msg: InboundMessage<z.infer<typeof ZResultBody>>,
): Promise<void> {
  await rejectSentMessage(tx, msg.from, msg.body.mid, msg.body.code);
}

export function registerControlHandlers(): void {
  registerInboundHandler(RESEND_TYPE, { schemas: { 1: ZResendBody }, handler: applyResend });
  registerInboundHandler(RESULT_TYPE, { schemas: { 1: ZResultBody }, handler: applyResult });
}
