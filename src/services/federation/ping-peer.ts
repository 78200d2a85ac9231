// Use case: a connectivity check — enqueue N federation.ping messages to a peer on channel 'ops'
// (one transaction: seqs, signed messages and one audit entry); the peer stores each one it applies.
import { randomBytes } from 'node:crypto';
import { appendAudit } from '../../audit/audit-log.js';
import type { Actor } from '../../domain/shared/actor.js';
import { PING_CHANNEL, PING_TYPE } from '../../federation/handlers/ping-handler.js';
import { enqueueMessages } from '../../federation/outbox.js';
import type { ServiceContext } from '../context.js';

export const MAX_PINGS_PER_CALL = 10_000;

export type PingResult = {
  peer: string;
  count: number;
  firstSeq: number;
  lastSeq: number;
  firstMid: string;
  lastMid: string;
};

export async function pingPeer(ctx: ServiceContext, actor: Actor, peerId: string, count: number): Promise<PingResult> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const bodies = Array.from({ length: count }, () => ({
      nonce: randomBytes(9).toString('base64url'),
      sentAt: now.toISOString(),
    }));
    const sent = await enqueueMessages(tx, ctx, {
      to: peerId,
      channel: PING_CHANNEL,
      type: PING_TYPE,
      schema: 1,
      bodies,
    });
    const first = sent[0]!;
    const last = sent.at(-1)!;
    await appendAudit(
      tx,
      {
        actor,
        action: 'federation.ping_sent',
        subjectType: 'peer',
        subjectId: peerId,
        data: { count, firstSeq: first.seq, lastSeq: last.seq },
      },
      now,
    );
    return { peer: peerId, count, firstSeq: first.seq, lastSeq: last.seq, firstMid: first.mid, lastMid: last.mid };
  });
}
