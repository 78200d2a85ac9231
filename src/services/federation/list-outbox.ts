// Use case: outbound federation messages for admins — above all the ones a peer refused for good,
// each with the meaning of the peer's code (`reason`, en + zh) when this node knows the code.
import { listOutbox } from '../../storage/repositories/federation-status.repository.js';
import type { ServiceContext } from '../context.js';
import { refusalReason } from './refusal-reason.js';

export async function listOutboxMessages(ctx: ServiceContext, f: { peer?: string; state?: string; limit: number }) {
  return (await listOutbox(ctx.db, { peerId: f.peer, state: f.state, limit: f.limit })).map((m) => ({
    mid: m.mid,
    peer: m.peerId,
    channel: m.channel,
    seq: m.seq,
    type: m.type,
    state: m.state,
    result: m.result,
    code: m.code,
    reason: refusalReason(m.code),
    attempts: m.attempts,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    nextAttemptAt: m.nextAttemptAt.toISOString(),
    lastError: m.lastError,
    bid: m.bid,
  }));
}
