// federation.ping: a connectivity check. The receiver stores each ping (sender, seq, mid, nonce), which
// is also how the tests prove exactly-once, in-order application of thousands of messages.
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import type { Queryable } from '../../storage/db.js';
import { insertPings, type PingRow } from '../../storage/repositories/federation-ping.repository.js';
import { registerInboundHandler, type InboundMessage } from '../inbound-handlers.js';

export const PING_TYPE = 'federation.ping';
export const PING_CHANNEL = 'ops';
export const ZPingBody = z.strictObject({ nonce: z.string().min(1).max(64), sentAt: z.iso.datetime().optional() });

export type PingBody = z.infer<typeof ZPingBody>;

function rowOf(msg: InboundMessage<PingBody>): PingRow {
  return {
    from: msg.from,
    channel: msg.channel,
    seq: msg.seq,
    mid: msg.mid,
    nonce: msg.body.nonce,
    sentAt: msg.body.sentAt ?? null,
  };
}

export async function applyPing(ctx: ServiceContext, tx: Queryable, msg: InboundMessage<PingBody>): Promise<void> {
  await insertPings(tx, [rowOf(msg)], ctx.clock().toISOString());
}

export async function applyPings(
  ctx: ServiceContext,
  tx: Queryable,
  msgs: readonly InboundMessage<PingBody>[],
): Promise<void> {
  await insertPings(tx, msgs.map(rowOf), ctx.clock().toISOString());
}

export function registerPingHandler(): void {
  registerInboundHandler(PING_TYPE, { schemas: { 1: ZPingBody }, handler: applyPing, many: applyPings });
}
