// Use case: what pings arrived from a peer, per channel: count, distinct messages, order violations.
import { pingSummary, type PingChannelSummary } from '../../storage/repositories/federation-ping.repository.js';
import type { ServiceContext } from '../context.js';

export async function listPingSummary(
  ctx: ServiceContext,
  from: string,
): Promise<(Omit<PingChannelSummary, 'lastReceivedAt'> & { lastReceivedAt: string | null })[]> {
  return (await pingSummary(ctx.db, from)).map((s) => ({
    ...s,
    lastReceivedAt: s.lastReceivedAt?.toISOString() ?? null,
  }));
}
